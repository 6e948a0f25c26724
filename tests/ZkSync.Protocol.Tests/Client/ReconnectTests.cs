using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>
    /// Lost replies and lost connections: UDP re-sends under the same reply id are answered from the device's cache
    /// (never executed twice); a lost TCP connection or a timeout is carried on over a new session when repeating is
    /// harmless.
    /// </summary>
    public class ReconnectTests
    {
        private static async Task<(DeviceEmulator Emulator, ZkDeviceClient Client)> OpenAsync(
            string profile,
            ZkTransportKind kind,
            int users,
            int timeoutMs = 2000,
            int reconnects = 2
        )
        {
            var emulator = await Emulated.StartAsync(profile, users);
            var options = Emulated.Options(emulator, kind);
            options.Retries = 2;
            options.Reconnects = reconnects;
            // The first CONNECT keeps the roomy default: on a loaded 2-core CI machine it alone has taken over 300 ms.
            // The client reads its options live, so the short timeout under test applies from the next request on
            // (reconnects included).
            var client = await ZkDeviceClient.ConnectAsync(options);
            options.Timeout = TimeSpan.FromMilliseconds(timeoutMs);
            return (emulator, client);
        }

        private static int SessionsOpened(DeviceEmulator e) =>
            e.Log.Entries.Count(l => l.EndsWith(" opened", StringComparison.Ordinal));

        /// <summary>
        /// The client carried on over a new session: at least one was opened after the first, and no more than the
        /// reconnects allowed. Not an exact count: on a loaded machine a slow reply can cost one more reconnect, which
        /// is the client doing its job, not a fault.
        /// </summary>
        private static void AssertReconnected(DeviceEmulator e, int reconnects = 2) =>
            Assert.InRange(SessionsOpened(e), 2, 1 + reconnects);

        // Short timeouts (how long a lost or late reply is waited for) are 800-1,000 ms, not 300-400: a loaded 2-core
        // CI machine has answered an ordinary loopback request in over 300 ms, and the test would then see a spurious
        // retry.

        [Fact]
        public async Task Udp_user_write_whose_reply_is_lost_is_answered_from_the_cache_and_applied_once()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Udp, 5, timeoutMs: 1000);
            using (emu)
            using (c)
            {
                await c.GetUsersAsync();
                long before = emu.Counters.Requests;
                await c.SetUserAsync(new ZkUser { UserId = "9001", Name = "Plain" });
                long plain = emu.Counters.Requests - before;

                emu.SetFaults(new FaultOptions { DropReplyToCommand = CommandCode.UserWrite });
                before = emu.Counters.Requests;
                long cachedBefore = emu.Counters.Retransmits;
                var result = await c.SetUserAsync(new ZkUser { UserId = "9002", Name = "Lost reply" });
                Assert.True(result.Created);
                // At least one request more than without the fault, answered from the reply cache (a re-send counted as
                // a retransmit is one the device did not execute again). More than one only if the loaded machine was
                // slow.
                Assert.True(
                    emu.Counters.Requests - before >= plain + 1,
                    $"{emu.Counters.Requests - before} requests with the lost reply, {plain} without"
                );
                long cached = emu.Counters.Retransmits;
                Assert.True(cached > cachedBefore, "the re-sent write was not answered from the reply cache");
                lock (emu.State.Sync)
                    Assert.Single(emu.State.Users, u => u.Pin2 == "9002");

                // A delete whose reply is lost: the re-send gets the cached OK, not "no such user" from a second run.
                emu.SetFaults(new FaultOptions { DropReplyToCommand = CommandCode.DeleteUser });
                Assert.True(await c.DeleteUserAsync("9002"));
                Assert.True(
                    emu.Counters.Retransmits > cached,
                    "the re-sent delete was not answered from the reply cache"
                );
                lock (emu.State.Sync)
                    Assert.DoesNotContain(emu.State.Users, u => u.Pin2 == "9002");
            }
        }

        [Fact]
        public async Task Tcp_read_cut_by_a_reset_is_repeated_on_a_new_session()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 2000);
            using (emu)
            using (c)
            {
                // the first 1504 chunk of the 144 KB table is cut
                emu.SetFaults(new FaultOptions { ResetAfterReplyDataPackets = 0 });
                var users = await c.GetUsersAsync();
                Assert.Equal(2000, users.Count);
                AssertReconnected(emu);
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
                // CMD_USER_WRQ executes, then the connection is reset
                emu.SetFaults(new FaultOptions { ResetAfterRequests = 1 });
                var result = await c.SetUserAsync(new ZkUser { UserId = "9001", Name = "Again" });
                AssertReconnected(emu);
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
                AssertReconnected(emu);
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
                AssertReconnected(emu);
            }
        }

        [Fact]
        public async Task Batch_upload_cut_in_the_middle_is_repeated_and_complete()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 0);
            using (emu)
            using (c)
            {
                var batch = Enumerable
                    .Range(1, 300)
                    .Select(i => new UserWithFingerprints(
                        new ZkUser { UserId = (5000 + i).ToString(CultureInfo.InvariantCulture), Name = "Batch " + i },
                        new List<ZkFingerprint>
                        {
                            new ZkFingerprint(0, 3, 1, Enumerable.Range(0, 1000).Select(b => (byte)(b * i)).ToArray()),
                        }
                    ))
                    .ToList();
                emu.SetFaults(new FaultOptions { ResetAfterUploadDataPackets = 2 }); // about 330 KB: six 64 KB slices
                var results = await c.WriteUsersAsync(batch);
                Assert.Equal(300, results.Count);
                lock (emu.State.Sync)
                {
                    Assert.Equal(300, emu.State.UserCount);
                    Assert.Equal(300, emu.State.TemplateCount);
                }
                AssertReconnected(emu);
            }
        }

        [Fact]
        public async Task A_reply_delayed_beyond_the_timeout_is_asked_again_on_a_new_session()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 5, timeoutMs: 1000);
            using (emu)
            using (c)
            {
                emu.SetFaults(new FaultOptions { DelayReplyAfterRequests = 1, ReplyDelay = TimeSpan.FromSeconds(4) });
                Assert.Equal(5, (await c.GetCountsAsync()).Users);
                AssertReconnected(emu);
            }
        }

        [Fact]
        public async Task A_device_restart_is_survived_over_udp()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Udp, 5, timeoutMs: 800);
            using (emu)
            using (c)
            {
                emu.Restart(); // the session id is unknown now: requests are dropped until a new CONNECT
                Assert.Equal(5, (await c.GetUsersAsync()).Count);
                AssertReconnected(emu);
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
                AssertReconnected(emu);
                // firmware, when the session died
                Assert.Contains(emu.Log.Entries, e => e.Contains("device enabled again"));
                lock (emu.State.Sync) Assert.True(emu.State.Disabled);
                await c.EnableAsync();
                lock (emu.State.Sync) Assert.False(emu.State.Disabled);
            }
        }

        [Fact]
        public async Task A_hung_device_ends_in_a_timeout_after_the_allowed_reconnects()
        {
            var (emu, c) = await OpenAsync("tft", ZkTransportKind.Tcp, 5, timeoutMs: 800);
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
