using System;
using System.Text;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Tests
{
    /// <summary>User records built with the foundation's codec.</summary>
    internal static class Records
    {
        public static byte[] User(
            ushort uid,
            string userId,
            string name = "Test User",
            UserRecordFormat format = UserRecordFormat.Extended72,
            byte privilege = 0
        ) =>
            UserRecordCodec.Encode(
                new ZkUser
                {
                    Uid = uid,
                    UserId = userId,
                    Name = name,
                    PrivilegeByte = privilege,
                    Group = 1,
                },
                format,
                Encoding.ASCII,
                TruncationMode.Truncate
            );

        /// <summary>A 28-byte record with an arbitrary u32 PIN2 (the codec refuses "0", the device must too).</summary>
        public static byte[] Compact(ushort uid, uint pin2)
        {
            var r = User(uid, "1", "Bw", UserRecordFormat.Compact28);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(r.AsSpan(24), pin2);
            return r;
        }
    }
}
