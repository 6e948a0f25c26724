using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Client;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Session
{
    /// <summary>
    /// UDP over a lossy link: a lost datagram costs about one learned retransmission timeout (not the whole -Timeout),
    /// a
    /// lost chunk of a bulk read costs that chunk, a lost upload packet costs that packet, and the device never
    /// executes
    /// a re-sent request twice. A loaded machine can hold a reply past the 20 ms floor of the timer; the re-send that
    /// follows is answered from the device's cache, so counts of re-sends are "at least", never "exactly".
    /// </summary>
    public class UdpLossTests
    {
        private static byte[] Pattern(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 7 + i / 251)).ToArray();

        /// <summary>Passes packets on, except the first one <paramref name="lose"/> picks.</summary>
        private sealed class LosingLink : IPeerLink
        {
            private readonly IPeerLink _inner;
            private readonly Func<Packet, bool> _lose;

            public LosingLink(IPeerLink inner, Func<Packet, bool> lose)
            {
                _inner = inner;
                _lose = lose;
            }

            public Task SendAsync(Packet packet) => _lose(packet) ? Task.CompletedTask : _inner.SendAsync(packet);
            public Task SendRawAsync(byte[] bytes) => _inner.SendRawAsync(bytes);
            public Task SendSplitAsync(byte[] bytes, params int[] cuts) => _inner.SendSplitAsync(bytes, cuts);
        }

        [Fact]
        public async Task A_lost_reply_costs_about_one_learned_timeout_not_the_whole_timeout()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Udp, users: 1);
            var c = d.Client;
            for (int i = 0; i < 5; i++) await c.GetTimeAsync(); // the session learns the round trip of a query
            d.Emulator.SetFaults(new FaultOptions { DropReplyToCommand = CommandCode.GetTime });
            var clock = Stopwatch.StartNew();
            await c.GetTimeAsync();
            clock.Stop();
            Assert.True(c.Traffic.Resends >= 1);
            Assert.True(d.Emulator.Counters.Retransmits >= 1); // the re-send was answered from the device's cache
            // -Timeout is 5 s and the timer before any reply 1 s: the loss cost the learned timer (tens of ms) instead.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.9),
                $"the lost reply cost {clock.Elapsed.TotalMilliseconds:0} ms");
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(15),
                $"re-sent after only {clock.Elapsed.TotalMilliseconds:0} ms");
        }

        [Fact]
        public async Task An_abandoned_udp_session_frees_its_slot_and_re_enables_the_device()
        {
            var emulator = await Emulated.StartAsync("tft", users: 1);
            try
            {
                using var session = await Sessions.OpenAsync(Emulated.Options(emulator, ZkTransportKind.Udp));
                await session.RunAsync(x => x.RequestOkAsync(CommandCode.DisableDevice, null, "disable"), default);
                Assert.True(emulator.State.Disabled);
                session.Abort(); // as after a timeout: no reply is awaited
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
                while (emulator.OpenSessions > 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
                Assert.Equal(0, emulator.OpenSessions);
                Assert.False(emulator.State.Disabled);
            }
            finally
            {
                await emulator.StopAsync();
                emulator.Dispose();
            }
        }

        [Fact]
        public async Task A_re_sent_request_is_not_executed_twice_by_the_device()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Udp, users: 2);
            var c = d.Client;
            var user = (await c.GetUsersAsync())[0];
            d.Emulator.SetFaults(new FaultOptions { DropReplyToCommand = CommandCode.DeleteUser });
            // Executed twice, the delete would answer "no such user" the second time and the client would report false.
            Assert.True(await c.DeleteUserAsync(user.UserId));
            Assert.True(c.Traffic.Resends >= 1);
            Assert.True(d.Emulator.Counters.Retransmits >= 1);
            Assert.Null(d.Emulator.State.FindUserByPin(user.UserId));
            Assert.Equal(1, d.Emulator.State.UserCount);
        }

        [Fact]
        public async Task A_lost_reply_to_an_upload_data_packet_re_sends_that_packet_alone()
        {
            await using var d = await Emulated.OpenAsync("face", ZkTransportKind.Udp, users: 1);
            var c = d.Client;
            var user = (await c.GetUsersAsync())[0];
            var jpeg = FacePhotoTests.Jpeg(12_000, 3);
            long requestsBefore = c.Traffic.Requests;
            d.Emulator.SetFaults(new FaultOptions { DropReplyToCommand = CommandCode.Data });
            await c.SetPhotoAsync(user.UserId, jpeg);
            Assert.Equal(jpeg, d.Emulator.State.Photos[user.UserId + ".jpg"]);
            Assert.True(c.Traffic.Resends >= 1);
            Assert.True(d.Emulator.Counters.Retransmits >= 1);
            Assert.True(c.Traffic.Requests - requestsBefore < 25, "the upload was not started again");
        }

        [Fact]
        public async Task A_lost_upload_data_packet_is_re_sent_alone_with_its_reply_id()
        {
            var device = new BufferDevice(Array.Empty<byte>());
            int dataPackets = 0;
            using var peer = ScriptedPeer.Udp(async (p, link) =>
            {
                // The third CMD_DATA is lost on its way to the device the first time.
                if (p.Command == CommandCode.Data && Interlocked.Increment(ref dataPackets) == 3) return;
                await device.HandleAsync(p, link);
            });
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Udp,
                timeoutSeconds: 5, retries: 8));
            var blob = Pattern(5000);
            var reply = await session.RunAsync(x => BulkUploader.UploadAndRunAsync(x, blob, CommandCode.UserFaceWrite,
                new byte[28], "faces"), default);
            Assert.Equal(ReplyCode.Ok, reply.Command);
            Assert.Equal(blob, device.Uploaded);
            var sent = peer.Received.Skip(1).ToList();
            Assert.Equal(1, sent.Count(p => p.Command == CommandCode.PrepareData));
            var data = sent.Where(p => p.Command == CommandCode.Data).ToList();
            // 5 slices of 1,024 bytes, each under its own reply id; the third went again with the same id and payload.
            Assert.Equal(5, data.Select(p => p.ReplyId).Distinct().Count());
            var third = data.Where(p => p.Payload.AsSpan().SequenceEqual(blob.AsSpan(2048, 1024))).ToList();
            Assert.True(third.Count >= 2);
            Assert.All(third, p => Assert.Equal(third[0].ReplyId, p.ReplyId));
            Assert.True(session.Traffic.Resends >= 1);
        }

        [Fact]
        public async Task A_lost_chunk_of_a_bulk_read_is_asked_for_again_by_its_offset()
        {
            var table = Pattern(40_000);
            var device = new BufferDevice(table);
            int lost = 0;
            using var peer = ScriptedPeer.Udp(
                (p, link) =>
                    device.HandleAsync(
                        p,
                        new LosingLink(link, packet =>
                            packet.Command == CommandCode.Data
                            && packet.SessionId == 5
                            && Interlocked.Exchange(ref lost, 1) == 0
                        )
                    )
            );
            using var session = await Sessions.OpenAsync(
                Sessions.Options(peer.Port, ZkTransportKind.Udp, timeoutSeconds: 5, retries: 8)
            );
            var clock = Stopwatch.StartNew();
            var data = await session.RunAsync(x => BulkReader.ReadAsync(x, BulkReadTarget.Users, "users"), default);
            clock.Stop();
            Assert.Equal(table, data);
            var windows = peer
                .Received.Where(p => p.Command == CommandCode.ReadBuffer)
                .Select(p => (LittleEndian.U32(p.Payload, 0), LittleEndian.U32(p.Payload, 4)))
                .ToList();
            // Chunk 5 (bytes 5,120-6,143) of the first 16 KB window was lost: only it is asked for again, right after.
            Assert.Equal(new[] { (0u, 16384u), (5120u, 1024u) }, windows.Take(2));
            Assert.Equal(1, windows.Count(w => w.Item1 == 0));
            Assert.Contains((32768u, 7232u), windows);
            Assert.True(session.Traffic.StreamRepairs >= 1);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2),
                $"the read took {clock.Elapsed.TotalMilliseconds:0} ms");
        }

        [Fact]
        public async Task A_lost_last_chunk_and_closing_packet_stall_for_one_gap_timer_then_that_chunk_is_asked_for()
        {
            var table = Pattern(20_000);
            var device = new BufferDevice(table);
            int lostData = 0,
                lostOk = 0;
            using var peer = ScriptedPeer.Udp(
                (p, link) =>
                    device.HandleAsync(
                        p,
                        new LosingLink(link, packet =>
                            (
                                packet.Command == CommandCode.Data
                                && packet.SessionId == 15
                                && Interlocked.Exchange(ref lostData, 1) == 0
                            )
                            || (
                                packet.Command == ReplyCode.Ok
                                && p.Command == CommandCode.ReadBuffer
                                && Interlocked.Exchange(ref lostOk, 1) == 0
                            )
                        )
                    )
            );
            using var session = await Sessions.OpenAsync(
                Sessions.Options(peer.Port, ZkTransportKind.Udp, timeoutSeconds: 5, retries: 8)
            );
            var data = await session.RunAsync(x => BulkReader.ReadAsync(x, BulkReadTarget.Users, "users"), default);
            Assert.Equal(table, data);
            var windows = peer
                .Received.Where(p => p.Command == CommandCode.ReadBuffer)
                .Select(p => (LittleEndian.U32(p.Payload, 0), LittleEndian.U32(p.Payload, 4)))
                .ToList();
            Assert.Equal(new[] { (0u, 16384u), (15360u, 1024u) }, windows.Take(2));
            Assert.Equal(1, windows.Count(w => w.Item1 == 0));
        }
    }
}
