using System.Linq;
using System.Text;
using Xunit;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Vectors
{
    /// <summary>
    /// 72-byte records (firmware TUser): uid @0 u16, privilege @2, password @3 char[8], name @11 char[24], card @35
    /// u32, group @39, time zones @40 u16[4], user id @48 char[24]. 28-byte records (TOldUser): password @3 char[5],
    /// name @8 char[8], card @16 u32, group @21, time zones @22, user id @24 u32. Both sides are read against public
    /// bytes.
    /// </summary>
    public class UserRecordVectorTests
    {
        [Fact]
        public void Z13_captured_user_write_decodes_on_both_sides()
        {
            var frame = Frames.Single(PublicVectors.Z13UserWrite);
            Assert.Equal(CommandCode.UserWrite, frame.Command);
            var record = frame.Payload;
            Assert.Equal(72, record.Length);
            foreach (
                var u in new[]
                {
                    UserRecordCodec.Decode(record, 0, UserRecordFormat.Extended72, Encoding.ASCII),
                    DeviceUserRecord.Read(record, UserRecordFormat.Extended72, Encoding.ASCII),
                }
            )
            {
                Assert.Equal((ushort)14, u.Uid);
                Assert.Equal(6, u.PrivilegeByte);
                // bytes 3..10 = "123456" 00 7c: the text ends at the NUL, the 7c is junk
                Assert.Equal("123456", u.Password);
                Assert.Equal("Nuevo", u.Name);
                Assert.Equal(6543u, u.Card);       // 8f 19 00 00 @35
                Assert.Equal(1, u.Group);          // @39
                Assert.Equal("11224488", u.UserId); // @48
                Assert.Equal(new byte[8], u.TimeZones);
            }
        }

        [Fact]
        public void Z14_published_record_with_group_and_time_zones_decodes_on_both_sides()
        {
            var record = Hex.Bytes(PublicVectors.Z14User72);
            foreach (
                var u in new[]
                {
                    UserRecordCodec.Decode(record, 0, UserRecordFormat.Extended72, Encoding.ASCII),
                    DeviceUserRecord.Read(record, UserRecordFormat.Extended72, Encoding.ASCII),
                }
            )
            {
                Assert.Equal(((ushort)13, (byte)0, "444", "Ned"), (u.Uid, u.PrivilegeByte, u.Password, u.Name));
                Assert.Equal(222u, u.Card); // de 00 00 00 @35
                Assert.Equal(2, u.Group); // 02 @39
                Assert.Equal("0100010002000000", Hex.Of(u.TimeZones)); // own-time-zone flag 1, zones 1 and 2 @40
                Assert.Equal("555", u.UserId);
            }
        }

        [Fact]
        public void Pyzk_captured_record_is_written_back_byte_for_byte_by_both_sides()
        {
            var record = Hex.Bytes(PublicVectors.PyzkUid1Record72);
            var engine = UserRecordCodec.Decode(record, 0, UserRecordFormat.Extended72, Encoding.ASCII);
            Assert.Equal(
                ((ushort)1, (byte)14, "5147983", "JesusSaldivar", "5147983", (byte)1),
                (engine.Uid, engine.PrivilegeByte, engine.Password, engine.Name, engine.UserId, engine.Group)
            );
            Assert.Equal(
                record,
                UserRecordCodec.Encode(engine, UserRecordFormat.Extended72, Encoding.ASCII, TruncationMode.Error)
            );
            var device = DeviceUserRecord.Read(record, UserRecordFormat.Extended72, Encoding.ASCII);
            Assert.Equal(
                record,
                DeviceUserRecord.Write(device, UserRecordFormat.Extended72, Encoding.ASCII, allowCut: false)
            );
        }

        [Fact]
        public void V20_captured_table_reads_the_same_on_the_device_side()
        {
            var payload = Frames.Single(DeviceVectors.V20).Payload;
            var records = Enumerable.Range(0, 7).Select(i => payload.Skip(4 + i * 72).Take(72).ToArray()).ToList();
            var device = records
                .Select(r => DeviceUserRecord.Read(r, UserRecordFormat.Extended72, Encoding.ASCII))
                .ToList();
            Assert.Equal(new ushort[] { 1, 2, 3, 4, 5, 6, 12 }, device.Select(u => u.Uid));
            Assert.Equal(new[] { "808", "821", "835", "831", "832", "86", "842" }, device.Select(u => u.UserId));
            Assert.Equal(14, device[0].PrivilegeByte);
        }

        [Fact]
        public void Pyzk_28_byte_record_is_written_and_read_by_both_sides()
        {
            // 01 00 | 0e | "123" 00 00 | "Ann" + 5 × 00 | 88 13 00 00 (card 5000) | 00 spare | 00 group | 00 00 time
            // zones | e9 03 00 00 (1001)
            var expected = Hex.Bytes(PublicVectors.PyzkUser28);
            var user = new ZkUser
            {
                Uid = 1,
                PrivilegeByte = 14,
                Password = "123",
                Name = "Ann",
                Card = 5000,
                UserId = "1001",
            };
            Assert.Equal(
                expected,
                UserRecordCodec.Encode(user, UserRecordFormat.Compact28, Encoding.ASCII, TruncationMode.Error)
            );
            Assert.Equal(
                expected,
                DeviceUserRecord.Write(user, UserRecordFormat.Compact28, Encoding.ASCII, allowCut: false)
            );
            foreach (
                var u in new[]
                {
                    UserRecordCodec.Decode(expected, 0, UserRecordFormat.Compact28, Encoding.ASCII),
                    DeviceUserRecord.Read(expected, UserRecordFormat.Compact28, Encoding.ASCII),
                }
            )
                Assert.Equal(
                    ((ushort)1, (byte)14, "123", "Ann", 5000u, "1001"),
                    (u.Uid, u.PrivilegeByte, u.Password, u.Name, u.Card, u.UserId)
                );
        }

        [Fact]
        public void Hand_written_28_byte_record_with_group_and_time_zones()
        {
            // Offsets of the manual's post-5.04 user struct / firmware TOldUser, written out:
            var r = Hex.Bytes(
                "0700" // @0  uid 7
                    + "00" // @2  privilege 0
                    + "3132000000" // @3 password "12"
                    + "426f620000000000" // @8 name "Bob"
                    + "d2040000"
                    + "00" // @16 card 1234, @20 spare
                    + "03" // @21 group 3
                    + "0100" // @22 time zones
                    + "39300000"
            ); // @24 user id 12345
            foreach (
                var u in new[]
                {
                    UserRecordCodec.Decode(r, 0, UserRecordFormat.Compact28, Encoding.ASCII),
                    DeviceUserRecord.Read(r, UserRecordFormat.Compact28, Encoding.ASCII),
                }
            )
                Assert.Equal(
                    ((ushort)7, "12", "Bob", 1234u, (byte)3, "0100", "12345"),
                    (u.Uid, u.Password, u.Name, u.Card, u.Group, Hex.Of(u.TimeZones), u.UserId)
                );
        }
    }
}
