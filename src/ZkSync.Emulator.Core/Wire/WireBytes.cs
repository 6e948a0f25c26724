namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// Little-endian integers as the device's ARM/MIPS firmware lays them out in its packed structs. The device side
    /// keeps its own helpers so that its record layouts share no code with the engine's codecs.
    /// </summary>
    public static class WireBytes
    {
        public static ushort U16(byte[] b, int o) => (ushort)(b[o] | b[o + 1] << 8);

        public static uint U32(byte[] b, int o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);

        public static void PutU16(byte[] b, int o, ushort v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
        }

        public static void PutU32(byte[] b, int o, uint v)
        {
            for (int i = 0; i < 4; i++) b[o + i] = (byte)(v >> (8 * i));
        }
    }
}
