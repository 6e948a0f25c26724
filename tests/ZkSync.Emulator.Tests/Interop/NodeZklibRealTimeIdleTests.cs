using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>
    /// node-zklib's real-time log listener (zklibtcp.js <c>getRealTimeLogs</c>: CMD_REG_EVENT with EF_ATTLOG, then it
    /// only listens) on the default profiles with no flag: a minute without events, then the users are read on the same
    /// connection. Firmware never closes an idle connection (FW tcpcomm.c EthCommTCPCheck), so neither may the
    /// emulator.
    /// </summary>
    public class NodeZklibRealTimeIdleTests
    {
        [NodeFact]
        public async Task Node_zklib_real_time_listener_idles_a_minute_then_reads_users_on_tft_and_face()
        {
            using var tft = await Emu.Start("tft", 12);
            using var face = await Emu.Start("face", 12);
            int idleMs = (int)IdlePeerTests.LongIdle.TotalMilliseconds;
            var runs = new[] { tft, face }.Select(e => Task.Run(() => (Emulator: e, Doc: NodeInterop.Run(
                "node-zklib", "node-zklib/zklibtcp.js", "realtime-idle.js", $"127.0.0.1 {e.Port} {idleMs}")))).ToList();
            foreach (var (emu, doc) in await Task.WhenAll(runs))
            {
                using (doc)
                {
                    var root = doc.RootElement;
                    string profile = emu.Profile.Name;
                    Assert.False(root.GetProperty("closedDuringIdle").GetBoolean(), $"{profile}: closed while idle");
                    Assert.False(root.TryGetProperty("error", out var error), $"{profile}: {error}");
                    Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("usersError").ValueKind);
                    var read = root.GetProperty("users").EnumerateArray().Select(u => u.GetString()!);
                    Assert.Equal(emu.State.Users.Select(u => u.Pin2).OrderBy(p => p, StringComparer.Ordinal),
                        read.OrderBy(p => p, StringComparer.Ordinal));
                    Assert.Equal(0, emu.Counters.IdleCloses);
                    Assert.Equal(1, emu.Counters.Exits); // node-zklib's disconnect() said goodbye on the same session
                }
            }
        }
    }
}
