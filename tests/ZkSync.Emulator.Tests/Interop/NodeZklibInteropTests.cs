using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>
    /// node-zklib 1.3.0, a client nobody here wrote, reads the emulator. Its TCP path decodes 72-byte users and 40-byte
    /// attendance; its UDP path assumes black-and-white firmware (28-byte users, 16-byte attendance), so on UDP only the
    /// raw transferred buffers are compared against a TFT device, and decoded users against a bw device.
    /// </summary>
    public class NodeZklibInteropTests
    {
        private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
        private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

        [NodeFact]
        public async Task Node_zklib_reads_users_and_attendance_over_tcp_and_udp()
        {
            string folder = InteropFolder();
            EnsureInstalled(folder);
            // node-zklib handles one reply packet per socket read: firmware's pause between large-data packets keeps them apart.
            using var emu = await Emu.Start("tft", 100, configure: o => o.LargeDataPacketGap = TimeSpan.FromMilliseconds(20));
            using var doc = RunScript(folder, emu.Port, "tcp,udp");

            var tcp = doc.RootElement.GetProperty("tcp");
            AssertNoErrors(tcp);
            var expectedUsers = emu.State.Users.Select(u => (u.Uid, u.Pin2, u.ToUser(System.Text.Encoding.ASCII).Name)).ToList();
            Assert.Equal(expectedUsers, tcp.GetProperty("users").EnumerateArray()
                .Select(u => ((ushort)u.GetProperty("uid").GetInt32(), u.GetProperty("userId").GetString()!, u.GetProperty("name").GetString()!)).ToList());
            Assert.Equal(emu.State.Attendance.Select(a => (a.Uid, a.UserId)).ToList(), tcp.GetProperty("attendances").EnumerateArray()
                .Select(a => ((ushort)a.GetProperty("userSn").GetInt32(), a.GetProperty("deviceUserId").GetString()!)).ToList());
            Assert.Equal(emu.State.UserTable(), Raw(tcp, "rawUsers"));
            Assert.Equal(emu.State.AttendanceTable(), Raw(tcp, "rawAttendances"));

            var udp = doc.RootElement.GetProperty("udp");
            AssertNoErrors(udp);
            Assert.Equal(emu.State.UserTable(), Raw(udp, "rawUsers"));
            Assert.Equal(emu.State.AttendanceTable(), Raw(udp, "rawAttendances"));
        }

        [NodeFact]
        public async Task Node_zklib_decodes_bw_users_over_udp()
        {
            string folder = InteropFolder();
            EnsureInstalled(folder);
            using var emu = await Emu.Start("bw", 60, configure: o => o.LargeDataPacketGap = TimeSpan.FromMilliseconds(20));
            using var doc = RunScript(folder, emu.Port, "udp");
            var udp = doc.RootElement.GetProperty("udp");
            AssertNoErrors(udp);
            var expected = emu.State.Users.Select(u => (u.Uid, u.Pin2, u.ToUser(System.Text.Encoding.ASCII).Name)).ToList();
            Assert.Equal(expected, udp.GetProperty("users").EnumerateArray()
                .Select(u => ((ushort)u.GetProperty("uid").GetInt32(), u.GetProperty("userId").GetString()!, u.GetProperty("name").GetString()!)).ToList());
            Assert.Equal(emu.State.AttendanceTable(), Raw(udp, "rawAttendances"));
        }

        internal static JsonDocument RunScript(string folder, int port, string modes)
        {
            // Run outside the repository: node-zklib appends error logs to its working directory.
            string work = Directory.CreateTempSubdirectory("zksync-node-zklib-").FullName;
            try
            {
                var result = ExternalProcess.Run(ExternalProcess.FindOnPath("node")!, $"\"{Path.Combine(folder, "read-device.js")}\" 127.0.0.1 {port} {modes}", work, ScriptTimeout);
                Assert.True(result.ExitCode == 0, $"node exited {result.ExitCode}: {result.Stderr}");
                return JsonDocument.Parse(result.Stdout);
            }
            finally
            {
                try { Directory.Delete(work, true); } catch { }
            }
        }

        internal static void AssertNoErrors(JsonElement mode)
        {
            Assert.False(mode.TryGetProperty("error", out var e), $"node-zklib failed: {(e.ValueKind == JsonValueKind.String ? e.GetString() : "")}");
            foreach (var name in new[] { "usersError", "attendancesError", "rawUsersError", "rawAttendancesError" })
                Assert.True(mode.GetProperty(name).ValueKind == JsonValueKind.Null, $"{name}: {mode.GetProperty(name)}");
        }

        internal static byte[] Raw(JsonElement mode, string name) => Convert.FromBase64String(mode.GetProperty(name).GetString()!);

        /// <summary>Installs the pinned node-zklib from the committed lock file when node_modules is missing.</summary>
        internal static void EnsureInstalled(string folder)
        {
            if (File.Exists(Path.Combine(folder, "node_modules", "node-zklib", "zklibtcp.js"))) return;
            string npm = ExternalProcess.FindOnPath("npm") ?? throw new InvalidOperationException("node is on PATH but npm is not; cannot install node-zklib.");
            string command = File.Exists(Path.Combine(folder, "package-lock.json")) ? "ci" : "install";
            var result = ExternalProcess.Run(npm, $"{command} --no-audit --no-fund", folder, InstallTimeout);
            Assert.True(result.ExitCode == 0, $"npm {command} failed ({result.ExitCode}): {result.Stderr}");
        }

        internal static string InteropFolder()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "interop", "node-zklib");
                if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
            }
            throw new DirectoryNotFoundException("tests/interop/node-zklib not found above " + AppContext.BaseDirectory);
        }
    }
}
