using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>Attendance records of 8, 16 or 40 bytes (protocol notes §8.2).</summary>
    public static class AttendanceCodec
    {
        public const int Size40 = 40;

        public static List<ZkAttendanceRecord> DecodeTable(byte[] buffer, int? expectedRecords)
        {
            if (buffer.Length < 4) throw new ZkMalformedReplyException($"Attendance table of {buffer.Length} bytes has no length prefix.");
            uint total = LittleEndian.U32(buffer, 0);
            if (total > buffer.Length - 4) throw new ZkMalformedReplyException($"Attendance table announces {total} bytes but holds {buffer.Length - 4}.");
            var list = new List<ZkAttendanceRecord>();
            if (total == 0) return list;
            int size = DetectSize((int)total, expectedRecords);
            for (int o = 4; o + size <= 4 + total; o += size) list.Add(Decode(buffer, o, size));
            return list;
        }

        public static int DetectSize(int total, int? expected)
        {
            if (expected is int n && n > 0 && total % n == 0 && (total / n == 8 || total / n == 16 || total / n == 40)) return total / n;
            if (total % 40 == 0) return 40;
            if (total % 16 == 0) return 16;
            if (total % 8 == 0) return 8;
            throw new ZkMalformedReplyException($"Attendance table of {total} bytes is not whole 8-, 16- or 40-byte records.");
        }

        public static ZkAttendanceRecord Decode(byte[] b, int o, int size)
        {
            switch (size)
            {
                case 8:
                    return new ZkAttendanceRecord
                    {
                        Uid = LittleEndian.U16(b, o), VerifyMethod = b[o + 2], Timestamp = ZkTime.Decode(LittleEndian.U32(b, o + 3)), State = b[o + 7],
                    };
                case 16:
                    return new ZkAttendanceRecord
                    {
                        UserId = LittleEndian.U32(b, o).ToString(CultureInfo.InvariantCulture), Timestamp = ZkTime.Decode(LittleEndian.U32(b, o + 4)),
                        State = b[o + 8], VerifyMethod = b[o + 9], WorkCode = LittleEndian.U32(b, o + 12),
                    };
                default:
                    return new ZkAttendanceRecord
                    {
                        Uid = LittleEndian.U16(b, o), UserId = TextField.Decode(b, o + 2, 24, Encoding.ASCII), VerifyMethod = b[o + 26],
                        Timestamp = ZkTime.Decode(LittleEndian.U32(b, o + 27)), State = b[o + 31], WorkCode = LittleEndian.U32(b, o + 32),
                    };
            }
        }

        /// <summary>Encodes a 40-byte TFT record (the emulator's form).</summary>
        public static byte[] Encode40(ZkAttendanceRecord r)
        {
            var b = new byte[Size40];
            LittleEndian.Put(b, 0, r.Uid);
            TextField.Encode(r.UserId, b, 2, 24, Encoding.ASCII, TruncationMode.Error, "UserId");
            b[26] = r.VerifyMethod;
            LittleEndian.Put(b, 27, ZkTime.Encode(r.Timestamp));
            b[31] = r.State;
            LittleEndian.Put(b, 32, r.WorkCode);
            return b;
        }

        /// <summary>Encodes an 8-byte record of old black-and-white firmware (the emulator's bw form).</summary>
        public static byte[] Encode8(ZkAttendanceRecord r)
        {
            var b = new byte[8];
            LittleEndian.Put(b, 0, r.Uid);
            b[2] = r.VerifyMethod;
            LittleEndian.Put(b, 3, ZkTime.Encode(r.Timestamp));
            b[7] = r.State;
            return b;
        }
    }
}
