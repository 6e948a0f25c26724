using System;
using System.Buffers.Binary;

namespace ZkSync.Protocol.Framing
{
    /// <summary>Little-endian reads and writes on byte arrays; every integer on the wire is little-endian.</summary>
    internal static class LittleEndian
    {
        public static ushort U16(byte[] buffer, int offset) =>
            BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset, 2));

        public static uint U32(byte[] buffer, int offset) =>
            BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset, 4));

        public static int I32(byte[] buffer, int offset) =>
            BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(offset, 4));

        public static void Put(byte[] buffer, int offset, ushort value) =>
            BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(offset, 2), value);

        public static void Put(byte[] buffer, int offset, uint value) =>
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset, 4), value);

        public static void Put(byte[] buffer, int offset, int value) =>
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(offset, 4), value);
    }
}
