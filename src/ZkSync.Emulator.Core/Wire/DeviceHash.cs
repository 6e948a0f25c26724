namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// The firmware's buffer checksum: hashpjw (fp-firmware trunk/M880trunk/utils.c) reduced modulo 0xFEFFFF, announced
    /// with 1503 and compared by command 119 (CMD_HASH_DATA).
    /// </summary>
    public static class DeviceHash
    {
        public static uint Hashpjw(byte[] data)
        {
            uint h = 0;
            for (int i = 0; i < data.Length; i++)
            {
                h = unchecked((h << 4) + data[i]);
                uint high = h & 0xF0000000u;
                if (high == 0) continue;
                // The C source shifts a signed int: the top nibble's sign bit spreads (arithmetic shift).
                h ^= (high & 0x80000000u) != 0 ? (high >> 24) | 0xFFFFFF00u : high >> 24;
                h ^= high;
            }
            return h % 0xFEFFFFu;
        }
    }
}
