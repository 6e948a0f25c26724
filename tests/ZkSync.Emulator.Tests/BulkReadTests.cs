using System;
using System.Buffers.Binary;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Emulator.Core.Sessions;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Tests
{
    public class BulkReadTests
    {
        [Theory]
        [InlineData("tft", 10, EmulatorTransport.Tcp)] // 724 bytes: direct CMD_DATA
        [InlineData("tft", 300, EmulatorTransport.Tcp)] // announced, chunked
        [InlineData("bw", 30, EmulatorTransport.Udp)] // 844 bytes: direct
        [InlineData("bw", 300, EmulatorTransport.Udp)] // announced, 1,024-byte UDP chunks
        [InlineData("face", 50, EmulatorTransport.Tcp)]
        public async Task Users_read_in_bulk_equal_the_device_state(
            string profile,
            int users,
            EmulatorTransport transport
        )
        {
            using var emu = await Emu.Start(profile, users);
            using var c = Emu.Client(emu, transport);
            var buffer = c.BulkRead(BulkReadTarget.Users, chunk: transport == EmulatorTransport.Udp ? 16384 : 65472);
            var records = WireReader.Records(buffer, (int)emu.Profile.UserFormat);
            Assert.Equal(users, records.Count);
            Assert.Equal(
                emu.State.Users.Select(u => Convert.ToBase64String(u.Record)),
                records.Select(Convert.ToBase64String)
            );
            // uid @0 and privilege @2 in both layouts
            Assert.Equal(
                emu.State.Users.Select(u => (u.Uid, u.Privilege)),
                records.Select(r => ((ushort)(r[0] | r[1] << 8), r[2]))
            );
        }

        [Fact]
        public async Task Small_buffer_comes_inline_and_large_one_is_announced_with_its_hash()
        {
            using var emu = await Emu.Start("tft", 10);
            using var c = Emu.Client(emu);
            var direct = c.Request(CommandCode.PrepareBuffer, BulkPayloads.PrepareRequest(BulkReadTarget.Users));
            Assert.Equal(CommandCode.Data, direct.Command);
            Assert.Equal(4 + 10 * 72, direct.Payload.Length);
            Assert.Equal(10u * 72, BinaryPrimitives.ReadUInt32LittleEndian(direct.Payload));

            using var big = await Emu.Start("tft", 100);
            using var d = Emu.Client(big);
            var ann = d.Request(CommandCode.PrepareBuffer, BulkPayloads.PrepareRequest(BulkReadTarget.Users));
            Assert.Equal(ReplyCode.Ok, ann.Command);
            Assert.Equal(BulkPayloads.AnnouncementSize, ann.Payload.Length);
            BulkPayloads.DecodeAnnouncement(ann.Payload, out int size, out uint hash);
            var table = big.State.UserTable();
            Assert.Equal(table.Length, size);
            Assert.Equal(size, (int)BinaryPrimitives.ReadUInt32LittleEndian(ann.Payload.AsSpan(5)));
            // the hash itself is pinned by vector V22
            Assert.Equal(ZkSync.Emulator.Core.Wire.DeviceHash.Hashpjw(table), hash);
        }

        [Theory]
        [InlineData(EmulatorTransport.Tcp, ClientSession.TcpMaxChunk)]
        [InlineData(EmulatorTransport.Udp, ClientSession.UdpMaxChunk)]
        public async Task Chunked_read_numbers_chunks_in_the_session_field_and_echoes_the_reply_id(
            EmulatorTransport transport,
            int maxChunk
        )
        {
            using var emu = await Emu.Start("tft", 1000); // 72,004 bytes
            using var c = Emu.Client(emu, transport);
            c.Request(CommandCode.PrepareBuffer, BulkPayloads.PrepareRequest(BulkReadTarget.Users));
            int length = 70000;
            var first = c.Request(CommandCode.ReadBuffer, BulkPayloads.ReadChunkRequest(100, length));
            Assert.Equal(CommandCode.PrepareData, first.Command);
            Assert.Equal(8, first.Payload.Length);
            Assert.Equal(length, (int)BinaryPrimitives.ReadUInt32LittleEndian(first.Payload));
            Assert.Equal(maxChunk, (int)BinaryPrimitives.ReadUInt32LittleEndian(first.Payload.AsSpan(4)));
            var large = c.ReceiveLarge(first);
            Assert.Equal(
                Enumerable.Range(0, (length + maxChunk - 1) / maxChunk).Select(i => (ushort)i),
                large.Chunks.Select(p => p.SessionId)
            );
            Assert.All(large.Chunks.Concat(new[] { first, large.Final! }), p => Assert.Equal(c.ReplyId, p.ReplyId));
            Assert.Equal(ReplyCode.Ok, large.Final!.Command);
            Assert.Equal(emu.State.UserTable().Skip(100).Take(length), large.Data);
        }

        [Fact]
        public async Task Templates_and_attendance_read_in_bulk_equal_the_state()
        {
            using var emu = await Emu.Start("tft", 40);
            using var c = Emu.Client(emu);
            var templates = WireReader.Templates(c.BulkRead(BulkReadTarget.Fingerprints));
            Assert.Equal(
                emu.State.Templates.Select(t => (t.Uid, t.Finger, t.Flag, Convert.ToBase64String(t.Data))),
                templates.Select(t => (t.Uid, t.Finger, t.Flag, Convert.ToBase64String(t.Template)))
            );
            var records = WireReader
                .Records(c.BulkRead(BulkReadTarget.Attendance), 40)
                .Select(WireReader.Attendance40)
                .ToList();
            Assert.Equal(120, records.Count);
            Assert.Equal(
                emu.State.Attendance.Select(a =>
                    (a.Uid, a.UserId, a.VerifyMethod, WireReader.PackedTime(a.Timestamp), a.State)
                ),
                records
            );
        }

        [Fact]
        public async Task Bw_attendance_uses_8_byte_records()
        {
            using var emu = await Emu.Start("bw", 20);
            using var c = Emu.Client(emu, EmulatorTransport.Udp);
            var buffer = c.BulkRead(BulkReadTarget.Attendance, 16384);
            Assert.Equal(60 * 8, (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer));
            var records = WireReader.Records(buffer, 8).Select(WireReader.Attendance8).ToList();
            Assert.Equal(
                emu.State.Attendance.Select(a => (a.Uid, a.VerifyMethod, WireReader.PackedTime(a.Timestamp), a.State)),
                records
            );
        }

        [Fact]
        public async Task Empty_table_is_a_direct_data_reply_with_a_zero_prefix()
        {
            using var emu = await Emu.Start("tft", 0);
            using var c = Emu.Client(emu);
            var reply = c.Request(CommandCode.PrepareBuffer, BulkPayloads.PrepareRequest(BulkReadTarget.Users));
            Assert.Equal(CommandCode.Data, reply.Command);
            Assert.Equal(new byte[4], reply.Payload);
        }

        [Fact]
        public async Task Malformed_requests_are_refused()
        {
            using var emu = await Emu.Start("tft", 100);
            using var c = Emu.Client(emu);
            Assert.Equal(
                ReplyCode.Error,
                c.Request(CommandCode.ReadBuffer, BulkPayloads.ReadChunkRequest(0, 10)).Command
            ); // nothing prepared
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.PrepareBuffer, new byte[10]).Command); // not 11 bytes
            Assert.Equal(
                ReplyCode.Error,
                c.Request(
                    CommandCode.PrepareBuffer,
                    BulkPayloads.PrepareRequest(new BulkReadTarget(CommandCode.DbRead, 9))
                ).Command
            );
            Assert.Equal(
                ReplyCode.Ok,
                c.Request(CommandCode.PrepareBuffer, BulkPayloads.PrepareRequest(BulkReadTarget.Users)).Command
            );
            Assert.Equal(
                ReplyCode.Error,
                c.Request(CommandCode.ReadBuffer, BulkPayloads.ReadChunkRequest(7000, 205)).Command
            ); // past 7,204
            Assert.Equal(
                CommandCode.Data,
                c.Request(CommandCode.ReadBuffer, BulkPayloads.ReadChunkRequest(7000, 204)).Command
            );
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.FreeData).Command);
            Assert.Equal(
                ReplyCode.Error,
                c.Request(CommandCode.ReadBuffer, BulkPayloads.ReadChunkRequest(0, 10)).Command
            ); // freed
        }
    }
}
