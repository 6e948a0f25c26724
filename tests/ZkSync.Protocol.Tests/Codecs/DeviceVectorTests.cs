using System.Linq;
using System.Text;
using Xunit;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Codecs
{
    /// <summary>Record codecs against real device captures (docs/protocol.md §13) and the constructed examples of §6
    /// and §7.</summary>
    public class DeviceVectorTests
    {
        [Fact]
        public void V20_seven_72_byte_users()
        {
            var p = Frames.Single(DeviceVectors.V20);
            Assert.Equal(CommandCode.Data, p.Command);
            Assert.Equal(508, p.Payload.Length);
            var users = UserRecordCodec.DecodeTable(p.Payload, 7, Encoding.UTF8, out var format);
            Assert.Equal(UserRecordFormat.Extended72, format);
            Assert.Equal(new ushort[] { 1, 2, 3, 4, 5, 6, 12 }, users.Select(u => u.Uid).ToArray());
            Assert.Equal(
                new[] { "808", "821", "835", "831", "832", "86", "842" },
                users.Select(u => u.UserId).ToArray()
            );
            Assert.Equal(ZkPrivilege.Admin, users[0].Privilege);
            Assert.All(users, u =>
            {
                Assert.Equal("", u.Name);
                Assert.Equal("", u.Password);
            });
        }

        [Fact]
        public void V21_alphanumeric_user_ids()
        {
            var p = Frames.Single(DeviceVectors.V21);
            var users = UserRecordCodec.DecodeTable(p.Payload, 2, Encoding.UTF8, out var format);
            Assert.Equal(UserRecordFormat.Extended72, format);
            Assert.Equal(("cfulano", "100001lp", (ushort)1), (users[0].Name, users[0].UserId, users[0].Uid));
            Assert.Equal(("rmengano", "222222cb", (ushort)2), (users[1].Name, users[1].UserId, users[1].Uid));
            Assert.Equal(0, users[0].Group);
        }

        [Fact]
        public void Free_sizes_V16_80_bytes()
        {
            var c = FreeSizesCodec.Decode(Frames.Single(DeviceVectors.V16).Payload);
            Assert.False(c.HasFaceFields);
            Assert.Equal(
                (2, 7, 500, 500, 50000),
                (c.Users, c.OpLogs, c.FingerprintCapacity, c.UserCapacity, c.RecordCapacity)
            );
            Assert.Equal(498, c.UsersFree);
        }

        [Fact]
        public void Free_sizes_V17_80_bytes()
        {
            var c = FreeSizesCodec.Decode(Frames.Single(DeviceVectors.V17).Payload);
            Assert.Equal(
                (70, 70, 3225, 282, 6, 6),
                (c.Users, c.Fingerprints, c.Records, c.OpLogs, c.Admins, c.Passwords)
            );
            Assert.Equal((430, 430, 46775), (c.FingerprintsFree, c.UsersFree, c.RecordsFree));
        }

        [Fact]
        public void Free_sizes_V19_92_bytes_with_its_six_restored_zero_bytes()
        {
            var p = Frames.Single(DeviceVectors.V19); // the checksum verifies only with the six zero bytes appended
            Assert.Equal(92, p.Payload.Length);
            var c = FreeSizesCodec.Decode(p.Payload);
            Assert.True(c.HasFaceFields);
            Assert.Equal(
                (7, 6, 605, 3087, 1, 0),
                (c.Users, c.Fingerprints, c.Records, c.OpLogs, c.Admins, c.Passwords)
            );
            Assert.Equal((3000, 10000, 100000), (c.FingerprintCapacity, c.UserCapacity, c.RecordCapacity));
            Assert.Equal((0, 0), (c.UsersWithFaces, c.FaceCapacity));
        }

        [Fact]
        public void V22_announcement_and_V23_prepare_data()
        {
            var ann = Frames.Single(DeviceVectors.V22);
            Assert.Equal(ReplyCode.Ok, ann.Command);
            var (size, hash) = BulkReader.ParseAnnouncement(ann.Payload, "dev", "users");
            Assert.Equal(5044, size);
            Assert.Equal(0x0023EFCDu, hash);

            var prep = Frames.Single(DeviceVectors.V23);
            Assert.Equal(CommandCode.PrepareData, prep.Command);
            Assert.Equal(5044u, LittleEndian.U32(prep.Payload, 0));
            Assert.Equal(1008u, LittleEndian.U32(prep.Payload, 4));
        }

        private static ZkUser JohnDoe() =>
            new ZkUser
            {
                Uid = 1,
                Name = "John Doe",
                Password = "12345678",
                UserId = "1",
            };

        [Fact]
        public void User_write_72_matches_the_constructed_example()
        {
            var payload = UserRecordCodec.Encode(
                JohnDoe(),
                UserRecordFormat.Extended72,
                Encoding.UTF8,
                TruncationMode.Error
            );
            var packet = TcpEnvelope.Wrap(new Packet(CommandCode.UserWrite, 0x45CF, 1, payload).Encode());
            var expected =
                "5050827d50000000"
                + "080099a6cf450100"
                + "010000"
                + "3132333435363738"
                + "4a6f686e20446f65"
                + Zeros(16)
                + "00000000"
                + "00"
                + Zeros(8)
                + "31"
                + Zeros(23);
            Assert.Equal(expected, Hex.Of(packet));
        }

        [Fact]
        public void User_write_28_matches_the_constructed_example_with_a_reported_cut()
        {
            var cuts = new System.Collections.Generic.List<FieldTruncation>();
            var payload = UserRecordCodec.Encode(
                JohnDoe(),
                UserRecordFormat.Compact28,
                Encoding.UTF8,
                TruncationMode.Truncate,
                cuts
            );
            var packet = new Packet(CommandCode.UserWrite, 0x45CF, 1, payload).Encode();
            Assert.Equal(
                "08007c99cf450100"
                    + "010000"
                    + "3132333435"
                    + "4a6f686e20446f65"
                    + "00000000"
                    + "00"
                    + "00"
                    + "0000"
                    + "01000000",
                Hex.Of(packet)
            );
            var cut = Assert.Single(cuts);
            Assert.Equal(("Password", "12345"), (cut.Field, cut.Stored));
        }

        [Fact]
        public void Batch_upload_buffer_matches_the_constructed_example()
        {
            var user = JohnDoe();
            user.Group = 1; // pyzk's bulk path writes byte 39 = 01
            var batch = new BatchUpload();
            batch.Users.Add(
                new BatchUserEntry(
                    BatchOperation.AddOrOverwrite,
                    UserRecordCodec.Encode(user, UserRecordFormat.Extended72, Encoding.UTF8, TruncationMode.Error)
                )
            );
            batch.Templates.Add(
                new BatchTemplateEntry(BatchOperation.AddOrOverwrite, 1, 0x10, Hex.Bytes("0123456789abcdef"))
            );
            var buffer = BatchUploadCodec.Encode(batch);
            Assert.Equal(103, buffer.Length);
            var expected =
                "49000000"
                + "08000000"
                + "0a000000"
                + "02"
                + "010000"
                + "3132333435363738"
                + "4a6f686e20446f65"
                + Zeros(16)
                + "00000000"
                + "01"
                + Zeros(8)
                + "31"
                + Zeros(23)
                + "02"
                + "0100"
                + "10"
                + "00000000"
                + "0800"
                + "0123456789abcdef";
            Assert.Equal(expected, Hex.Of(buffer));
            byte[] payload = ZkDeviceClient.BatchUploadCommandPayload;
            var command = new Packet(CommandCode.ApplyUploadBuffer, 0x45CF, 13, payload).Encode();
            Assert.Equal("6e00a1b9cf450d00" + "0c00000000000800", Hex.Of(command));
        }

        [Fact]
        public void Batch_upload_28_byte_variant_header_and_entry()
        {
            var batch = new BatchUpload();
            var cuts = new System.Collections.Generic.List<FieldTruncation>();
            batch.Users.Add(
                new BatchUserEntry(
                    BatchOperation.AddOrOverwrite,
                    UserRecordCodec.Encode(
                        JohnDoe(),
                        UserRecordFormat.Compact28,
                        Encoding.UTF8,
                        TruncationMode.Truncate,
                        cuts
                    )
                )
            );
            batch.Templates.Add(
                new BatchTemplateEntry(BatchOperation.AddOrOverwrite, 1, 0x10, Hex.Bytes("0123456789abcdef"))
            );
            var hex = Hex.Of(BatchUploadCodec.Encode(batch));
            Assert.StartsWith(
                "1d000000"
                    + "08000000"
                    + "0a000000"
                    + "02"
                    + "010000"
                    + "3132333435"
                    + "4a6f686e20446f65"
                    + "00000000"
                    + "00"
                    + "00"
                    + "0000"
                    + "01000000",
                hex
            );
        }

        [Fact]
        public void Face_and_photo_golden_payloads()
        {
            Assert.Equal("3334303032" + Zeros(19) + "00320000", Hex.Of(PinPayload.FaceRequest("34002")));
            Assert.Equal("3334303032" + Zeros(19) + "0032f096", Hex.Of(PinPayload.FaceRequest("34002", 38640)));
            Assert.Equal(
                "a4060000" + "33343030322e6a7067" + Zeros(30),
                Hex.Of(PinPayload.FileWrite(PinPayload.PhotoFileName("34002")))
            );
            Assert.Equal("33343030322e6a7067" + Zeros(34), Hex.Of(PinPayload.PhotoWrite("34002")));
            Assert.Equal("33343030322e6a706700", Hex.Of(PinPayload.FileName(PinPayload.PhotoFileName("34002"))));
        }

        private static string Zeros(int n) => string.Concat(Enumerable.Repeat("00", n));
    }
}
