using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>
    /// A NAT or firewall idle timeout closes a silent TCP connection (firmware itself does not); here the emulator's
    /// idle-close fault does it after a short time. The next call of any kind must just work: the closed connection is
    /// found before anything is sent, the session is rebuilt (CONNECT, AUTH, the device disabled again when it was),
    /// and no write is sent twice.
    /// </summary>
    public class IdleCloseTests
    {
        private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(700);

        private static async Task<(DeviceEmulator Emulator, ZkDeviceClient Client, CapturingLogger Log)> OpenAsync(
            string profile = "face", int users = 4, uint commKey = 0)
        {
            var emulator = await Emulated.StartAsync(profile, users, commKey, o => o.IdleTimeout = Idle);
            var log = new CapturingLogger();
            var options = Emulated.Options(emulator, ZkTransportKind.Tcp, commKey);
            options.Logger = log;
            return (emulator, await ZkDeviceClient.ConnectAsync(options), log);
        }

        private static async Task WaitForIdleClose(DeviceEmulator emulator, long closesBefore = 0)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (emulator.Counters.IdleCloses <= closesBefore)
            {
                Assert.True(DateTime.UtcNow < deadline, "the emulator never closed the idle connection");
                await Task.Delay(20);
            }
            await Task.Delay(50); // let the FIN reach the client's socket
        }

        private static int Opened(DeviceEmulator e) =>
            e.Log.Entries.Count(l => l.EndsWith(" opened", StringComparison.Ordinal));

        [Fact]
        public async Task A_read_after_an_idle_close_reconnects_before_sending_and_says_so()
        {
            var (emu, client, log) = await OpenAsync();
            using (emu)
            using (client)
            {
                await WaitForIdleClose(emu);
                Assert.Equal(4, (await client.GetUsersAsync()).Count);
                Assert.Equal(2, Opened(emu));
                Assert.Contains(log.Lines, l => l.Text.Contains("was closed after") && l.Text.Contains("reconnecting"));
                Assert.Contains(log.Lines, l => l.Text.Contains("reconnected"));
                // Found before sending: no operation failed and had to be repeated.
                Assert.DoesNotContain(log.Lines, l => l.Text.Contains("repeating the operation"));
            }
        }

        [Fact]
        public async Task A_write_that_must_never_repeat_goes_out_once_after_an_idle_close()
        {
            var (emu, client, log) = await OpenAsync();
            using (emu)
            using (client)
            {
                await WaitForIdleClose(emu);
                // Clearing the attendance log is never repeated: had it been sent on the dead connection it would
                // report an unknown outcome. Found before sending, it simply runs on the new session.
                await client.ClearAttendanceAsync();
                lock (emu.State.Sync) Assert.Empty(emu.State.Attendance);
                Assert.DoesNotContain(log.Lines, l => l.Text.Contains("may or may not have been carried out"));
            }
        }

        [Fact]
        public async Task A_device_this_client_disabled_is_disabled_again_after_the_idle_reconnect()
        {
            var (emu, client, log) = await OpenAsync(commKey: 0);
            using (emu)
            using (client)
            {
                await client.DisableAsync();
                await WaitForIdleClose(emu);
                // Firmware enables the device again when its last session goes.
                lock (emu.State.Sync) Assert.False(emu.State.Disabled);
                var result = await client.SetUserAsync(new ZkUser { UserId = "7001", Name = "After idle" });
                Assert.True(result.Created);
                lock (emu.State.Sync)
                {
                    Assert.True(emu.State.Disabled, "the reconnect did not restore the disabled state");
                    Assert.Single(emu.State.Users, u => u.Pin2 == "7001");
                }
                Assert.Contains(log.Lines, l => l.Text.Contains("device disabled again"));
                await client.EnableAsync();
            }
        }

        [Fact]
        public async Task The_comm_key_is_sent_again_on_the_idle_reconnect()
        {
            var (emu, client, _) = await OpenAsync(profile: "tft", commKey: 24680);
            using (emu)
            using (client)
            {
                await WaitForIdleClose(emu);
                Assert.Equal(4, (await client.GetUsersAsync()).Count);
            }
        }

        [Fact]
        public async Task A_write_after_a_long_silence_on_a_default_device_is_one_request_on_the_same_session()
        {
            // Default profile: no idle close, as firmware. The silence is longer than the 5 s after which the engine
            // once probed with CMD_GET_TIME before a write; now the write alone goes out, on the first session.
            using var emulator = await Emulated.StartAsync("face", 2, 0);
            using var client = await ZkDeviceClient.ConnectAsync(Emulated.Options(emulator, ZkTransportKind.Tcp));
            await Task.Delay(TimeSpan.FromSeconds(5.5));
            long before = emulator.Counters.Requests;
            await client.ClearAttendanceAsync();
            Assert.Equal(1, emulator.Counters.Requests - before);
            Assert.Equal(1, Opened(emulator));
            Assert.Equal(0, emulator.Counters.IdleCloses);
        }

        [Fact]
        public async Task Reconnects_zero_reports_the_idle_close_instead_of_hiding_it()
        {
            var emulator = await Emulated.StartAsync("face", 2, 0, o => o.IdleTimeout = Idle);
            var options = Emulated.Options(emulator, ZkTransportKind.Tcp);
            options.Reconnects = 0;
            using (emulator)
            using (var client = await ZkDeviceClient.ConnectAsync(options))
            {
                await WaitForIdleClose(emulator);
                await Assert.ThrowsAsync<ZkConnectionException>(() => client.GetUsersAsync());
            }
        }
    }
}
