using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>Attendance records of 8, 16 or 40 bytes (docs/protocol.md §8).</summary>
    public static class AttendanceCodec
    {
        public const int Size40 = 40;

        public static List<ZkAttendanceRecord> DecodeTable(byte[] buffer, int? expectedRecords)
        {
            if (buffer.Length < 4)
                throw new ZkMalformedReplyException($"Attendance table of {buffer.Length} bytes has no length prefix.");
            uint total = LittleEndian.U32(buffer, 0);
            if (total > buffer.Length - 4)
                throw new ZkMalformedReplyException(
                    $"Attendance table announces {total} bytes but holds {buffer.Length - 4}."
                );
            var list = new List<ZkAttendanceRecord>();
            if (total == 0)
                return list;
            int size = DetectSize((int)total, expectedRecords);
            for (int o = 4; o + size <= 4 + total; o += size)
                list.Add(Decode(buffer, o, size));
            return list;
        }

        public static int DetectSize(int total, int? expected)
        {
            if (
                expected is int count
                && count > 0
                && total % count == 0
                && (total / count == 8 || total / count == 16 || total / count == 40)
            )
                return total / count;
            if (total % 40 == 0)
                return 40;
            if (total % 16 == 0)
                return 16;
            if (total % 8 == 0)
                return 8;
            throw new ZkMalformedReplyException(
                $"Attendance table of {total} bytes is not whole 8-, 16- or 40-byte records."
            );
        }

        public static ZkAttendanceRecord Decode(byte[] buffer, int offset, int size)
        {
            switch (size)
            {
                case 8:
                    return new ZkAttendanceRecord
                    {
                        Uid = LittleEndian.U16(buffer, offset + AttendanceRecord8Offsets.Uid),
                        VerifyMethod = buffer[offset + AttendanceRecord8Offsets.VerifyMethod],
                        Timestamp = ZkTime.Decode(
                            LittleEndian.U32(buffer, offset + AttendanceRecord8Offsets.Timestamp)
                        ),
                        State = buffer[offset + AttendanceRecord8Offsets.State],
                    };
                case 16:
                    return new ZkAttendanceRecord
                    {
                        UserId = LittleEndian
                            .U32(buffer, offset + AttendanceRecord16Offsets.UserId)
                            .ToString(CultureInfo.InvariantCulture),
                        Timestamp = ZkTime.Decode(
                            LittleEndian.U32(buffer, offset + AttendanceRecord16Offsets.Timestamp)
                        ),
                        State = buffer[offset + AttendanceRecord16Offsets.State],
                        VerifyMethod = buffer[offset + AttendanceRecord16Offsets.VerifyMethod],
                        WorkCode = LittleEndian.U32(buffer, offset + AttendanceRecord16Offsets.WorkCode),
                    };
                default:
                    return new ZkAttendanceRecord
                    {
                        Uid = LittleEndian.U16(buffer, offset + AttendanceRecord40Offsets.Uid),
                        UserId = TextField.Decode(
                            buffer,
                            offset + AttendanceRecord40Offsets.UserId,
                            AttendanceRecord40Offsets.UserIdWidth,
                            Encoding.ASCII
                        ),
                        VerifyMethod = buffer[offset + AttendanceRecord40Offsets.VerifyMethod],
                        Timestamp = ZkTime.Decode(
                            LittleEndian.U32(buffer, offset + AttendanceRecord40Offsets.Timestamp)
                        ),
                        State = buffer[offset + AttendanceRecord40Offsets.State],
                        WorkCode = LittleEndian.U32(buffer, offset + AttendanceRecord40Offsets.WorkCode),
                    };
            }
        }

        /// <summary>Encodes a 40-byte TFT record (the emulator's form).</summary>
        public static byte[] Encode40(ZkAttendanceRecord attendance)
        {
            var record = new byte[Size40];
            LittleEndian.Put(record, AttendanceRecord40Offsets.Uid, attendance.Uid);
            TextField.Encode(
                attendance.UserId,
                record,
                AttendanceRecord40Offsets.UserId,
                AttendanceRecord40Offsets.UserIdWidth,
                Encoding.ASCII,
                TruncationMode.Error,
                "UserId"
            );
            record[AttendanceRecord40Offsets.VerifyMethod] = attendance.VerifyMethod;
            LittleEndian.Put(record, AttendanceRecord40Offsets.Timestamp, ZkTime.Encode(attendance.Timestamp));
            record[AttendanceRecord40Offsets.State] = attendance.State;
            LittleEndian.Put(record, AttendanceRecord40Offsets.WorkCode, attendance.WorkCode);
            return record;
        }

        /// <summary>Encodes an 8-byte record of old black-and-white firmware (the emulator's bw form).</summary>
        public static byte[] Encode8(ZkAttendanceRecord attendance)
        {
            var record = new byte[8];
            LittleEndian.Put(record, AttendanceRecord8Offsets.Uid, attendance.Uid);
            record[AttendanceRecord8Offsets.VerifyMethod] = attendance.VerifyMethod;
            LittleEndian.Put(record, AttendanceRecord8Offsets.Timestamp, ZkTime.Encode(attendance.Timestamp));
            record[AttendanceRecord8Offsets.State] = attendance.State;
            return record;
        }
    }
}
