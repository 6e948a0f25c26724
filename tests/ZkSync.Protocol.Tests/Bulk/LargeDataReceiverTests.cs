using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Bulk
{
    public class LargeDataReceiverTests
    {
        private static Task<byte[]> Receive(IReadOnlyList<Packet> packets)
        {
            int i = 1;
            return LargeDataReceiver.ReceiveAsync(
                packets[0],
                () => Task.FromResult(packets[i++]),
                "dev",
                88,
                "test read"
            );
        }

        private static string Sha(byte[] b) => Convert.ToHexString(SHA256.HashData(b)).ToLowerInvariant();

        [Theory]
        [InlineData(5)]
        [InlineData(16)]
        [InlineData(17)]
        [InlineData(1031)]
        public async Task V24_decodes_to_the_1243_byte_template(int piece)
        {
            var stream = Hex.Bytes(DeviceVectors.V24);
            Assert.Equal(DeviceVectors.V24Sha256, Sha(stream));
            var data = await Receive(Frames.Cut(stream, piece));
            Assert.Equal(1244, data.Length);
            var fp = ZkDeviceClient.DecodeSingleTemplate(data, 1, 0, "1")!;
            Assert.Equal(1243, fp.Template.Length);
            Assert.Equal(1, fp.Flag);
            Assert.Equal(DeviceVectors.V24TemplateSha256, Sha(fp.Template));
        }

        [Fact]
        public async Task V25_decodes_to_the_1010_byte_template()
        {
            var stream = Hex.Bytes(DeviceVectors.V25);
            Assert.Equal(DeviceVectors.V25Sha256, Sha(stream));
            var packets = Frames.Cut(stream, 333);
            // the capture's own closing OK is missing (docs/protocol.md §13)
            packets.Add(new Packet(ReplyCode.Ok, 1, 53));
            var fp = ZkDeviceClient.DecodeSingleTemplate(await Receive(packets), 1, 1, "1")!;
            Assert.Equal(1010, fp.Template.Length);
            Assert.Equal(DeviceVectors.V25TemplateSha256, Sha(fp.Template));
        }

        [Fact]
        public async Task Data_inline_and_ok_inline_need_no_more_packets()
        {
            Assert.Equal(
                new byte[] { 1, 2 },
                await Receive(new[] { new Packet(CommandCode.Data, 0, 5, new byte[] { 1, 2 }) })
            );
            Assert.Equal(new byte[] { 3 }, await Receive(new[] { new Packet(ReplyCode.Ok, 0, 5, new byte[] { 3 }) }));
        }

        [Fact]
        public async Task Stream_ending_early_is_malformed()
        {
            var packets = Frames.Cut(Hex.Bytes(DeviceVectors.V24), 100);
            packets.RemoveAt(2); // drop the second data chunk: the OK arrives 236 bytes short
            var ex = await Assert.ThrowsAsync<ZkMalformedReplyException>(() => Receive(packets));
            Assert.Contains("1008 of 1244", ex.Message);
        }

        [Fact]
        public async Task More_data_than_announced_is_malformed()
        {
            var packets = new[]
            {
                new Packet(CommandCode.PrepareData, 0, 5, BulkPayloads.PrepareData(10, 1024)),
                new Packet(CommandCode.Data, 0, 5, new byte[8]),
                new Packet(CommandCode.Data, 1, 5, new byte[8]),
            };
            await Assert.ThrowsAsync<ZkMalformedReplyException>(() => Receive(packets));
        }

        [Fact]
        public async Task Huge_announcement_is_refused_before_allocating()
        {
            var packets = new[]
            {
                new Packet(CommandCode.PrepareData, 0, 5, BulkPayloads.PrepareData(int.MaxValue, 1024)),
            };
            await Assert.ThrowsAsync<ZkMalformedReplyException>(() => Receive(packets));
        }

        [Fact]
        public async Task Error_reply_is_a_device_error_with_sub_code()
        {
            var ex = await Assert.ThrowsAsync<ZkDeviceErrorException>(() =>
                Receive(new[] { new Packet(ReplyCode.Error, 2, 5) })
            );
            Assert.Equal(ReplyCode.Error, ex.ReplyCode);
            Assert.Equal(2, ex.SubCode);
            Assert.Equal("dev", ex.Device);
            Assert.Equal((ushort)88, ex.Command);
        }

        [Fact]
        public async Task V24_split_on_a_real_socket_reaches_the_session_as_one_template()
        {
            using var peer = ScriptedPeer.Tcp(
                async (p, link) =>
                {
                    if (p.Command == CommandCode.Connect)
                        await link.SendAsync(Replies.Ok(p));
                    else if (p.Command == CommandCode.UserTemplateExRead)
                        await link.SendSplitAsync(Hex.Bytes(DeviceVectors.V24), 5, 16, 17, 30, 500, 1031, 1032, 1250);
                }
            );
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            session.LastReplyId = 49; // the capture answers reply id 50
            var data = await session.RunAsync(
                x => LargeDataReceiver.RequestAsync(x, CommandCode.UserTemplateExRead, new byte[] { 1, 0, 0 }, "read"),
                default
            );
            Assert.Equal(DeviceVectors.V24TemplateSha256, Sha(data[..^1]));
        }
    }
}

namespace ZkSync.Protocol.Tests.Bulk
{
    public class LargeDataRetryTests
    {
        [Fact]
        public async Task Udp_stream_with_a_lost_datagram_is_asked_again_under_a_new_reply_id()
        {
            var blob = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
            int asked = 0;
            using var peer = ScriptedPeer.Udp(
                async (p, link) =>
                {
                    if (p.Command == CommandCode.Connect)
                    {
                        await link.SendAsync(Replies.Ok(p));
                        return;
                    }
                    if (p.Command != CommandCode.UserPhotoRead)
                        return;
                    bool lose = Interlocked.Increment(ref asked) == 1;
                    await link.SendAsync(
                        Replies.To(p, CommandCode.PrepareData, BulkPayloads.PrepareData(blob.Length, 1024))
                    );
                    for (int o = 0, i = 0; o < blob.Length; o += 1024, i++)
                        if (!(lose && i == 1))
                            await link.SendAsync(
                                new Packet(
                                    CommandCode.Data,
                                    (ushort)i,
                                    p.ReplyId,
                                    blob[o..Math.Min(blob.Length, o + 1024)]
                                )
                            );
                    await link.SendAsync(Replies.Ok(p));
                }
            );
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Udp, retries: 2));
            var data = await session.RunAsync(
                x => LargeDataReceiver.RequestAsync(x, CommandCode.UserPhotoRead, new byte[] { 0x31, 0 }, "photo"),
                default
            );
            Assert.Equal(blob, data);
            var requests = peer.Received.Where(p => p.Command == CommandCode.UserPhotoRead).ToList();
            Assert.Equal(2, requests.Count);
            Assert.NotEqual(requests[0].ReplyId, requests[1].ReplyId);
        }

        [Fact]
        public async Task Over_udp_a_chunk_without_its_announcement_is_a_lost_datagram_not_a_whole_reply()
        {
            var chunk = new Packet(CommandCode.Data, 3, 50, new byte[1024]);
            var ex = await Assert.ThrowsAsync<ZkMalformedReplyException>(() =>
                LargeDataReceiver.ReceiveAsync(
                    chunk,
                    () => throw new InvalidOperationException("not read"),
                    "dev",
                    150,
                    "faces",
                    sessionId: 0x45CF
                )
            );
            Assert.Contains("without its announcement", ex.Message);
            var inline = new Packet(CommandCode.Data, 0x45CF, 50, new byte[] { 1, 2 });
            Assert.Equal(
                new byte[] { 1, 2 },
                await LargeDataReceiver.ReceiveAsync(
                    inline,
                    () => throw new InvalidOperationException("not read"),
                    "dev",
                    150,
                    "faces",
                    sessionId: 0x45CF
                )
            );
        }
    }
}
