using System;
using System.Buffers.Binary;

namespace ZkSync.Protocol.Framing
{
    /// <summary>Little-endian reads and writes on byte arrays; every integer on the wire is little-endian.</summary>
    internal static class LittleEndian
    {
        public static ushort U16(byte[] b, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(offset, 2));
        public static uint U32(byte[] b, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(offset, 4));
        public static int I32(byte[] b, int offset) => BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(offset, 4));
        public static void Put(byte[] b, int offset, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(offset, 2), v);
        public static void Put(byte[] b, int offset, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(offset, 4), v);
        public static void Put(byte[] b, int offset, int v) => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(offset, 4), v);
    }
}
