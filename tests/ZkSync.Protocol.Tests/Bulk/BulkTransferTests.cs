using System;
using System.Collections.Generic;
using System.Linq;
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
    public class BulkTransferTests
    {
        private static byte[] Pattern(int n) => Enumerable.Range(0, n).Select(i => (byte)(i * 7 + i / 251)).ToArray();

        private static ScriptedPeer Peer(ZkTransportKind kind, BufferDevice device) =>
            kind == ZkTransportKind.Tcp ? ScriptedPeer.Tcp(device.HandleAsync) : ScriptedPeer.Udp(device.HandleAsync);

        private sealed class Recorder : IProgress<ZkTransferProgress>
        {
            public List<ZkTransferProgress> Reports { get; } = new List<ZkTransferProgress>();

            public void Report(ZkTransferProgress value)
            {
                lock (Reports)
                    Reports.Add(value);
            }
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp, 150_000, 3)] // chunks of 65,472
        [InlineData(ZkTransportKind.Udp, 40_000, 3)] // chunks of 16,384
        public async Task Announced_table_is_read_in_chunks_verified_and_released(
            ZkTransportKind kind,
            int size,
            int chunks
        )
        {
            var device = new BufferDevice(Pattern(size));
            using var peer = Peer(kind, device);
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, kind));
            var progress = new Recorder();
            var data = await session.RunAsync(
                x => BulkReader.ReadAsync(x, BulkReadTarget.Users, "users", progress),
                default
            );
            Assert.Equal(device.Table, data);
            var requests = peer.Received.Where(p => p.Command == CommandCode.ReadBuffer).ToList();
            Assert.Equal(chunks, requests.Count);
            int chunk = kind == ZkTransportKind.Tcp ? BulkReader.TcpChunk : BulkReader.UdpChunk;
            Assert.Equal(chunk, (int)LittleEndian.U32(requests[0].Payload, 4));
            Assert.Equal((uint)chunk, LittleEndian.U32(requests[1].Payload, 0));
            Assert.Equal(CommandCode.FreeData, peer.Received.Last().Command);
            Assert.Equal(size, progress.Reports.Last().Done);
            Assert.Equal(chunks, progress.Reports.Count);
        }

        [Fact]
        public async Task Small_table_comes_inline_without_a_release()
        {
            var device = new BufferDevice(Pattern(300));
            using var peer = Peer(ZkTransportKind.Tcp, device);
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            var data = await session.RunAsync(x => BulkReader.ReadAsync(x, BulkReadTarget.Users, "users"), default);
            Assert.Equal(device.Table, data);
            Assert.DoesNotContain(peer.Received, p =>
                p.Command == CommandCode.FreeData || p.Command == CommandCode.ReadBuffer
            );
        }

        [Fact]
        public async Task Hash_mismatch_is_malformed_and_the_buffer_is_still_released()
        {
            var device = new BufferDevice(Pattern(5044)) { HashOverride = 0x0023EFCD };
            using var peer = Peer(ZkTransportKind.Tcp, device);
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            var ex = await Assert.ThrowsAsync<ZkMalformedReplyException>(() =>
                session.RunAsync(x => BulkReader.ReadAsync(x, BulkReadTarget.Users, "users"), default)
            );
            Assert.Contains("hash", ex.Message);
            Assert.Equal(CommandCode.FreeData, peer.Received.Last().Command);
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp, 200_000)]
        [InlineData(ZkTransportKind.Udp, 5_000)]
        public async Task Upload_slices_carry_consecutive_reply_ids_and_the_hash_is_checked(
            ZkTransportKind kind,
            int size
        )
        {
            var device = new BufferDevice(Array.Empty<byte>());
            using var peer = Peer(kind, device);
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, kind));
            var blob = Pattern(size);
            var progress = new Recorder();
            var reply = await session.RunAsync(
                x =>
                    BulkUploader.UploadAndRunAsync(x, blob, CommandCode.UserFaceWrite, new byte[28], "faces", progress),
                default
            );
            Assert.Equal(ReplyCode.Ok, reply.Command);
            Assert.Equal(blob, device.Uploaded);
            var sent = peer.Received.Skip(1).Select(p => p.Command).ToList();
            int slice = kind == ZkTransportKind.Tcp ? BulkUploader.TcpSlice : BulkUploader.UdpSlice;
            int slices = (size + slice - 1) / slice;
            var expected = new List<ushort> { 1500 };
            expected.AddRange(Enumerable.Repeat((ushort)1501, slices));
            expected.AddRange(new ushort[] { 119, 151, 1502 });
            Assert.Equal(expected, sent);
            Assert.Equal(size, session.Traffic.UploadedBytes);
            Assert.Equal(slices, progress.Reports.Count);
        }

        [Fact]
        public async Task A_kept_buffer_is_not_released_and_the_hash_check_can_be_left_out()
        {
            var device = new BufferDevice(Array.Empty<byte>());
            using var peer = Peer(ZkTransportKind.Tcp, device);
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            var reply = await session.RunAsync(
                x =>
                    BulkUploader.UploadAndRunAsync(
                        x,
                        Pattern(3000),
                        CommandCode.UserFaceWrite,
                        new byte[28],
                        "faces",
                        checkHash: false,
                        keepBuffer: true
                    ),
                default
            );
            Assert.Equal(ReplyCode.Ok, reply.Command);
            Assert.Equal(new ushort[] { 1500, 1501, 151 }, peer.Received.Skip(1).Select(p => p.Command));
        }

        [Fact]
        public async Task A_refused_consume_releases_a_buffer_that_was_to_be_kept()
        {
            var device = new BufferDevice(Array.Empty<byte>()) { Refuse = CommandCode.UserFaceWrite };
            using var peer = Peer(ZkTransportKind.Tcp, device);
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));
            var reply = await session.RunAsync(
                x =>
                    BulkUploader.UploadAndRunAsync(
                        x,
                        Pattern(3000),
                        CommandCode.UserFaceWrite,
                        new byte[28],
                        "faces",
                        keepBuffer: true
                    ),
                default
            );
            Assert.Equal(ReplyCode.Error, reply.Command);
            Assert.Equal(new ushort[] { 1500, 1501, 119, 151, 1502 }, peer.Received.Skip(1).Select(p => p.Command));
        }

        [Fact]
        public async Task Upload_near_the_reply_id_wrap_jumps_to_65535_first()
        {
            var device = new BufferDevice(Array.Empty<byte>());
            using var peer = Peer(ZkTransportKind.Udp, device);
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Udp));
            session.LastReplyId = 65530;
            var blob = Pattern(10 * 1024);
            var reply = await session.RunAsync(
                x => BulkUploader.UploadAndRunAsync(x, blob, CommandCode.UserFaceWrite, new byte[28], "faces"),
                default
            );
            Assert.Equal(ReplyCode.Ok, reply.Command);
            Assert.Equal(blob, device.Uploaded);
            var sent = peer.Received.Skip(1).ToList();
            Assert.Equal((CommandCode.FreeData, (ushort)65535), (sent[0].Command, sent[0].ReplyId));
            Assert.Equal((CommandCode.PrepareData, (ushort)0), (sent[1].Command, sent[1].ReplyId));
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (ushort)i), sent.Skip(2).Take(10).Select(p => p.ReplyId));
        }

        [Fact]
        public async Task Upload_far_from_the_wrap_keeps_the_normal_sequence()
        {
            var device = new BufferDevice(Array.Empty<byte>());
            using var peer = Peer(ZkTransportKind.Udp, device);
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Udp));
            session.LastReplyId = 65000;
            await session.RunAsync(
                x => BulkUploader.UploadAndRunAsync(x, Pattern(3000), CommandCode.UserFaceWrite, new byte[28], "faces"),
                default
            );
            Assert.Equal(65001, peer.Received[1].ReplyId);
        }
    }
}
