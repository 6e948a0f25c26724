using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace ZkSync.Emulator.Tests
{
    /// <summary>
    /// Reads emulator replies with the offsets of the public layouts written out here (docs/protocol.md §13), so
    /// emulator tests check the wire with neither the engine's codecs nor the emulator's own.
    /// </summary>
    internal static class WireReader
    {
        /// <summary>i32 number <paramref name="index"/> of a CMD_GET_FREE_SIZES reply (4 users, 6 templates, 8 records,
        /// 20 users with faces, 22 face capacity).</summary>
        public static int FreeSize(byte[] reply, int index) =>
            BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(index * 4));

        /// <summary>Records of a bulk-read table: u32 byte count, then fixed-size records.</summary>
        public static List<byte[]> Records(byte[] table, int size)
        {
            int total = (int)BinaryPrimitives.ReadUInt32LittleEndian(table);
            Assert.Equal(0, total % size);
            var list = new List<byte[]>();
            for (int o = 4; o < 4 + total; o += size) list.Add(table.AsSpan(o, size).ToArray());
            return list;
        }

        /// <summary>Template table: per entry u16 size (6 + n) @0, u16 uid @2, u8 finger @4, u8 flag @5, template
        /// @6.</summary>
        public static List<(ushort Uid, byte Finger, byte Flag, byte[] Template)> Templates(byte[] table)
        {
            int end = 4 + (int)BinaryPrimitives.ReadUInt32LittleEndian(table);
            var list = new List<(ushort, byte, byte, byte[])>();
            for (int o = 4; o < end;)
            {
                int size = BinaryPrimitives.ReadUInt16LittleEndian(table.AsSpan(o));
                list.Add(
                    (
                        BinaryPrimitives.ReadUInt16LittleEndian(table.AsSpan(o + 2)),
                        table[o + 4],
                        table[o + 5],
                        table.AsSpan(o + 6, size - 6).ToArray()
                    )
                );
                o += size;
            }
            return list;
        }

        /// <summary>40-byte attendance: u16 uid @0, char[24] user id @2, u8 verify @26, u32 time @27, u8 state @31, u32
        /// work code @32.</summary>
        public static (ushort Uid, string UserId, byte Verify, uint Time, byte State) Attendance40(byte[] r) =>
            (
                BinaryPrimitives.ReadUInt16LittleEndian(r),
                Encoding.ASCII.GetString(r, 2, 24).TrimEnd('\0'),
                r[26],
                BinaryPrimitives.ReadUInt32LittleEndian(r.AsSpan(27)),
                r[31]
            );

        /// <summary>8-byte attendance: u16 uid @0, u8 verify @2, u32 time @3, u8 state @7.</summary>
        public static (ushort Uid, byte Verify, uint Time, byte State) Attendance8(byte[] r) =>
            (
                BinaryPrimitives.ReadUInt16LittleEndian(r),
                r[2],
                BinaryPrimitives.ReadUInt32LittleEndian(r.AsSpan(3)),
                r[7]
            );

        /// <summary>Packed time as the public formula states it: ((yy·12 + month−1)·31 + day−1)·86400 + seconds of the
        /// day.</summary>
        public static uint PackedTime(DateTime t) =>
            (uint)(
                (((t.Year - 2000) * 12 + t.Month - 1) * 31 + t.Day - 1) * 86400
                + t.Hour * 3600
                + t.Minute * 60
                + t.Second
            );

        /// <summary>Face blobs are whole 2,576-byte records; FaceID @4, template @16.</summary>
        public static List<byte[]> Faces(byte[] blob)
        {
            Assert.Equal(0, blob.Length % 2576);
            var list = new List<byte[]>();
            for (int o = 0; o < blob.Length; o += 2576) list.Add(blob.AsSpan(o, 2576).ToArray());
            return list;
        }
    }
}
