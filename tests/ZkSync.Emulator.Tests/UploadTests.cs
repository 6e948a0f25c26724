using System;
using System.Buffers.Binary;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    public class UploadTests
    {
        private static readonly byte[] BatchCommand = { 0x0c, 0, 0, 0, 0, 0, 8, 0 }; // pyzk: u32 12, u16 0, u16 8

        private static byte[] Template(int length, byte fill) => Enumerable.Repeat(fill, length).ToArray();

        private static byte[] Batch()
        {
            var batch = new BatchUpload();
            batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(10, "1010", "Batch One")));
            batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(11, "1011", "Batch Two")));
            batch.Templates.Add(
                new BatchTemplateEntry(BatchOperation.AddOrOverwrite, 10, 0x10 + 3, Template(900, 0xA1))
            );
            batch.Templates.Add(
                new BatchTemplateEntry(BatchOperation.AddOrOverwrite, 11, 0x10 + 0, Template(1200, 0xB2))
            );
            return BatchUploadCodec.Encode(batch);
        }

        [Theory]
        [InlineData(EmulatorTransport.Tcp, 1024)]
        [InlineData(EmulatorTransport.Tcp, 60000)]
        [InlineData(EmulatorTransport.Udp, 333)]
        public async Task Batch_upload_adds_users_and_templates(EmulatorTransport transport, int slice)
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu, transport);
            var data = Batch();
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.FreeData).Command);
            c.Upload(data, slice);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.ApplyUploadBuffer, BatchCommand).Command);
            Assert.Equal(new[] { "1010", "1011" }, emu.State.Users.Select(u => u.Pin2));
            Assert.Equal(Template(900, 0xA1), emu.State.FindTemplate(10, 3)!.Data);
            Assert.Equal(Template(1200, 0xB2), emu.State.FindTemplate(11, 0)!.Data);
        }

        [Fact]
        public async Task Batch_matches_users_by_uid_and_skips_entries_beyond_capacity()
        {
            using var emu = await Emu.Start(configure: o => o.UserCapacity = 2);
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(10, "1010", "Old Name"));
            var batch = new BatchUpload();
            batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(10, "1010", "New Name")));
            batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(11, "1011")));
            batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(12, "1012")));
            c.Upload(BatchUploadCodec.Encode(batch));
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.ApplyUploadBuffer, BatchCommand).Command);
            Assert.Equal(new ushort[] { 10, 11 }, emu.State.Users.Select(u => u.Uid));
            Assert.Equal("New Name", emu.State.FindUser(10)!.ToUser(System.Text.Encoding.ASCII).Name);
            Assert.True(emu.Log.Contains("user capacity"));
        }

        [Fact]
        public async Task Malformed_batch_is_acked_dropped_and_logged_as_firmware()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            var data = Batch();
            BinaryPrimitives.WriteUInt32LittleEndian(data, 72); // user block no longer adds up
            c.Upload(data);
            // FW commu.c 2307-2326: OK whatever the batch held.
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.ApplyUploadBuffer, BatchCommand).Command);
            Assert.Equal(0, emu.State.UserCount);
            Assert.True(emu.Log.Contains("ACKed and dropped (as firmware): malformed batch upload"));
        }

        [Fact]
        public async Task Data_with_a_skipped_reply_id_or_overflow_is_refused_and_short_upload_is_acked_and_dropped()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, 100);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.PrepareData, size).Command);
            c.ReplyId++; // skips one: not previous + 1
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.Data, new byte[10]).Command);
            Assert.True(emu.Log.Contains("is not"));

            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.PrepareData, size).Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.Data, new byte[60]).Command);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.Data, new byte[41]).Command); // 101 > 100
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.ApplyUploadBuffer, BatchCommand).Command); // 60 of 100
            Assert.Equal(0, emu.State.UserCount);
            Assert.True(emu.Log.Contains("ACKed and dropped (as firmware): upload buffer not completely filled"));
        }

        [Fact]
        public async Task Absurd_prepare_sizes_are_refused()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, uint.MaxValue);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.PrepareData, size).Command);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.PrepareData, new byte[4]).Command);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.Data, new byte[4]).Command); // nothing prepared
        }

        [Fact]
        public async Task Hash_119_returns_the_buffer_hash_and_checks_a_given_one()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            var data = Batch();
            c.Upload(data);
            var reply = c.Request(CommandCode.HashData);
            Assert.Equal(ReplyCode.Ok, reply.Command);
            uint hash = BinaryPrimitives.ReadUInt32LittleEndian(reply.Payload);
            Assert.Equal(BufferHash.Compute(data), hash);
            var given = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(given, hash);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.HashData, given).Command);
            BinaryPrimitives.WriteUInt32LittleEndian(given, hash ^ 1);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.HashData, given).Command);
        }
    }
}
