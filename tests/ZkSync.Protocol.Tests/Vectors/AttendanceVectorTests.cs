using System;
using Xunit;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Vectors
{
    /// <summary>Attendance records of 40, 16 and 8 bytes against public bytes (docs/protocol.md §13).</summary>
    public class AttendanceVectorTests
    {
        private static readonly DateTime Z16Time = new DateTime(2018, 6, 25, 17, 50, 35); // 0x2368B36B

        [Fact]
        public void Z16_published_40_byte_record_decodes_in_the_engine()
        {
            // 0d 00 | "999111333" + NULs to 24 bytes | 01 verify @26 | 6b b3 68 23 time @27 | 00 state @31 | 00000000
            // work code @32 | ff 00 00 00
            var r = AttendanceCodec.Decode(Hex.Bytes(PublicVectors.Z16Attendance40), 0, 40);
            Assert.Equal(
                ((ushort)13, "999111333", (byte)1, (byte)0, 0u),
                (r.Uid, r.UserId, r.VerifyMethod, r.State, r.WorkCode)
            );
            Assert.Equal(Z16Time, r.Timestamp);
        }

        [Fact]
        public void Z16_published_40_byte_record_is_what_the_device_side_writes()
        {
            var expected = Hex.Bytes(PublicVectors.Z16Attendance40);
            var written = DeviceAttendanceLog.WriteTft(
                new ZkAttendanceRecord
                {
                    Uid = 13,
                    UserId = "999111333",
                    VerifyMethod = 1,
                    Timestamp = Z16Time,
                    State = 0,
                }
            );
            Assert.Equal(Hex.Of(expected)[..72], Hex.Of(written)[..72]); // bytes 0..35; 36..39 are reserved
        }

        [Fact]
        public void Attendance_table_of_Z16_records_detects_40_bytes()
        {
            var table = Hex.Bytes("50000000" + PublicVectors.Z16Attendance40 + PublicVectors.Z16Attendance40);
            var list = AttendanceCodec.DecodeTable(table, 2);
            Assert.Equal(2, list.Count);
            Assert.All(list, r => Assert.Equal("999111333", r.UserId));
        }

        [Fact]
        public void Hand_written_16_byte_extended_record()
        {
            // Manual TExtendAttLog / firmware flashdb.h: u32 user id @0, u32 time @4, u8 state @8, u8 verify @9, 2
            // reserved, u32 work code @12.
            // 12345, 2018-12-07 19:09:06, state 1, verify 15, work code 7
            var b = Hex.Bytes("39300000" + "d2414624" + "01" + "0f" + "0000" + "07000000");
            var r = AttendanceCodec.Decode(b, 0, 16);
            Assert.Equal(("12345", (byte)1, (byte)15, 7u), (r.UserId, r.State, r.VerifyMethod, r.WorkCode));
            Assert.Equal(new DateTime(2018, 12, 7, 19, 9, 6), r.Timestamp);
        }

        [Fact]
        public void Hand_written_8_byte_record_on_both_sides()
        {
            // pyzk zk/base.py get_attendance for 8-byte records ('<HB4sB'): u16 uid @0, u8 verify @2, u32 time @3, u8
            // state @7.
            const string bytes = "0500" + "01" + "d2414624" + "02"; // uid 5, fingerprint, 2018-12-07 19:09:06, state 2
            var time = new DateTime(2018, 12, 7, 19, 9, 6);
            var r = AttendanceCodec.Decode(Hex.Bytes(bytes), 0, 8);
            Assert.Equal(((ushort)5, (byte)1, (byte)2, time), (r.Uid, r.VerifyMethod, r.State, r.Timestamp));
            Assert.Equal(
                bytes,
                Hex.Of(
                    DeviceAttendanceLog.WriteBlackAndWhite(
                        new ZkAttendanceRecord
                        {
                            Uid = 5,
                            VerifyMethod = 1,
                            State = 2,
                            Timestamp = time,
                        }
                    )
                )
            );
        }
    }
}
