using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using Xunit;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>
    /// Lost replies and lost connections: UDP re-sends under the same reply id are answered from the device's cache (never
    /// executed twice); a lost TCP connection or a timeout is carried on over a new session when repeating is harmless.
    /// </summary>
    public class ReconnectTests
    {
        private static async Task<(DeviceEmulator Emulator, ZkDeviceClient Client)> OpenAsync(string profile, ZkTransportKind kind, int users, int timeoutMs = 2000, int reconnects = 2)
        {
            var emulator = await Emulated.StartAsync(profile, users);
            var options = Emulated.Options(emulator, kind);
            options.Retries = 2;
            options.Reconnects = reconnects;
            // The first CONNECT keeps the roomy default: on a loaded 2-core CI machine it alone has taken over 300 ms. The
            // client reads its options live, so the short timeout under test applies from the next request on (reconnects
            // included).
            var client = await ZkDeviceClient.ConnectAsync(options);
            options.Timeout = TimeSpan.FromMilliseconds(timeoutMs);
            return (emulator, client);
        }

        private static int SessionsOpened(DeviceEmulator e) => e.Log.Entries.Count(l => l.EndsWith(" opened", StringComparison.Ordinal));

        [Fact]
        public async Task Udp_user_write_whose_reply_is_lost_is_answered_from_the_cache_and_applied_once()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Udp, 5, timeoutMs: 300);
            using (emu)
            using (c)
            {
                await c.GetUsersAsync();
                long before = emu.Counters.Requests;
                await c.SetUserAsync(new ZkUser { UserId = "9001", Name = "Plain" });
                long plain = emu.Counters.Requests - before;

                emu.SetFaults(new FaultOptions { DropReplyToCommand = CommandCode.UserWrite });
                before = emu.Counters.Requests;
                var result = await c.SetUserAsync(new ZkUser { UserId = "9002", Name = "Lost reply" });
                Assert.True(result.Created);
                // One request more than without the fault, and that one came from the reply cache: executed once.
                Assert.Equal(plain + 1, emu.Counters.Requests - before);
                Assert.Equal(1, emu.Counters.Retransmits);
                lock (emu.State.Sync) Assert.Single(emu.State.Users, u => u.Pin2 == "9002");

                // A delete whose reply is lost: the re-send gets the cached OK, not "no such user" from a second run.
                emu.SetFaults(new FaultOptions { DropReplyToCommand = CommandCode.DeleteUser });
                Assert.True(await c.DeleteUserAsync("9002"));
                Assert.Equal(2, emu.Counters.Retransmits);
                lock (emu.State.Sync) Assert.DoesNotContain(emu.State.Users, u => u.Pin2 == "9002");
            }
        }

        [Fact]
        public async Task Tcp_read_cut_by_a_reset_is_repeated_on_a_new_session()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 2000);
            using (emu)
            using (c)
            {
                emu.SetFaults(new FaultOptions { ResetAfterReplyDataPackets = 0 }); // the first 1504 chunk of the 144 KB table is cut
                var users = await c.GetUsersAsync();
                Assert.Equal(2000, users.Count);
                Assert.Equal(2, SessionsOpened(emu));
                Assert.Contains(emu.Log.Entries, e => e.Contains("fault: connection reset after 0 data packets"));
            }
        }

        [Fact]
        public async Task Tcp_user_write_whose_connection_dies_before_the_reply_is_repeated_and_written_once()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 5);
            using (emu)
            using (c)
            {
                await c.GetUsersAsync();
                emu.SetFaults(new FaultOptions { ResetAfterRequests = 1 }); // CMD_USER_WRQ executes, then the connection is reset
                var result = await c.SetUserAsync(new ZkUser { UserId = "9001", Name = "Again" });
                Assert.Equal(2, SessionsOpened(emu));
                lock (emu.State.Sync)
                {
                    Assert.Equal(6, emu.State.UserCount);
                    Assert.Equal(result.Uid, Assert.Single(emu.State.Users, u => u.Pin2 == "9001").Uid);
                }
            }
        }

        [Fact]
        public async Task Tcp_delete_repeated_after_a_reset_treats_not_found_as_done()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 5);
            using (emu)
            using (c)
            {
                var victim = (await c.GetUsersAsync())[2].UserId;
                emu.SetFaults(new FaultOptions { ResetAfterRequests = 1 });
                Assert.True(await c.DeleteUserAsync(victim));
                lock (emu.State.Sync) Assert.Equal(4, emu.State.UserCount);
                Assert.Equal(2, SessionsOpened(emu));
            }
        }

        [Fact]
        public async Task Clearing_attendance_is_not_repeated_and_the_error_says_the_outcome_is_unknown()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 5);
            using (emu)
            using (c)
            {
                emu.SetFaults(new FaultOptions { ResetAfterRequests = 1 });
                var ex = await Assert.ThrowsAsync<ZkConnectionException>(() => c.ClearAttendanceAsync());
                Assert.Contains("may or may not have been carried out", ex.Message);
                Assert.Equal(CommandCode.ClearAttLog, ex.Command);
                Assert.Equal(1, SessionsOpened(emu)); // not repeated
                Assert.Equal(5, (await c.GetCountsAsync()).Users); // the next operation reconnects
                Assert.Equal(2, SessionsOpened(emu));
            }
        }

        [Fact]
        public async Task Batch_upload_cut_in_the_middle_is_repeated_and_complete()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 0);
            using (emu)
            using (c)
            {
                var batch = Enumerable.Range(1, 300).Select(i => new UserWithFingerprints(
                    new ZkUser { UserId = (5000 + i).ToString(), Name = "Batch " + i },
                    new List<ZkFingerprint> { new ZkFingerprint(0, 3, 1, Enumerable.Range(0, 1000).Select(b => (byte)(b * i)).ToArray()) })).ToList();
                emu.SetFaults(new FaultOptions { ResetAfterUploadDataPackets = 2 }); // about 330 KB: six 64 KB slices
                var results = await c.WriteUsersAsync(batch);
                Assert.Equal(300, results.Count);
                lock (emu.State.Sync)
                {
                    Assert.Equal(300, emu.State.UserCount);
                    Assert.Equal(300, emu.State.TemplateCount);
                }
                Assert.Equal(2, SessionsOpened(emu));
            }
        }

        [Fact]
        public async Task A_reply_delayed_beyond_the_timeout_is_asked_again_on_a_new_session()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 5, timeoutMs: 400);
            using (emu)
            using (c)
            {
                emu.SetFaults(new FaultOptions { DelayReplyAfterRequests = 1, ReplyDelay = TimeSpan.FromSeconds(3) });
                Assert.Equal(5, (await c.GetCountsAsync()).Users);
                Assert.Equal(2, SessionsOpened(emu));
            }
        }

        [Fact]
        public async Task A_device_restart_is_survived_over_udp()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Udp, 5, timeoutMs: 300);
            using (emu)
            using (c)
            {
                emu.Restart(); // the session id is unknown now: requests are dropped until a new CONNECT
                Assert.Equal(5, (await c.GetUsersAsync()).Count);
                Assert.Equal(2, SessionsOpened(emu));
            }
        }

        [Fact]
        public async Task A_device_this_client_disabled_is_disabled_again_after_reconnecting()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 5);
            using (emu)
            using (c)
            {
                await c.DisableAsync();
                emu.SetFaults(new FaultOptions { ResetAfterRequests = 1 });
                await c.GetCountsAsync();
                Assert.Equal(2, SessionsOpened(emu));
                Assert.Contains(emu.Log.Entries, e => e.Contains("device enabled again")); // firmware, when the session died
                lock (emu.State.Sync) Assert.True(emu.State.Disabled);
                await c.EnableAsync();
                lock (emu.State.Sync) Assert.False(emu.State.Disabled);
            }
        }

        [Fact]
        public async Task A_hung_device_ends_in_a_timeout_after_the_allowed_reconnects()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 5, timeoutMs: 300);
            using (emu)
            using (c)
            {
                emu.SetFaults(new FaultOptions { HangAfterRequests = 1 });
                var ex = await Assert.ThrowsAsync<ZkTimeoutException>(() => c.GetCountsAsync());
                Assert.Contains("reconnecting failed", ex.Message);
                emu.SetFaults(null);
                Assert.Equal(5, (await c.GetCountsAsync()).Users); // and recovers once the device answers again
            }
        }

        [Fact]
        public async Task Without_reconnects_a_lost_connection_is_an_error()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 5, reconnects: 0);
            using (emu)
            using (c)
            {
                emu.SetFaults(new FaultOptions { ResetAfterRequests = 1 });
                await Assert.ThrowsAsync<ZkConnectionException>(() => c.GetCountsAsync());
                await Assert.ThrowsAsync<ZkConnectionException>(() => c.GetCountsAsync());
                Assert.Equal(1, SessionsOpened(emu));
            }
        }
    }
}
