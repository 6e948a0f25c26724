namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// The device's CMD_AUTH check (fp-firmware trunk/M880trunk/commu.c MakeKey / CheckCommKey; pyzk zk/base.py
    /// make_commkey): the key's bits reversed, plus the session id with 32-bit wrap, XOR "ZKSO", 16-bit halves swapped,
    /// bytes 0, 1 and 3 XORed with the ticks byte the client sent in byte 2.
    /// </summary>
    public static class DeviceCommKey
    {
        /// <summary>Largest comm key the device menus take.</summary>
        public const uint MaxKey = 999999;

        public static bool Accepts(byte[] payload, uint key, ushort sessionId)
        {
            if (payload == null || payload.Length != 4) return false;
            byte ticks = payload[2];
            uint mixed = unchecked(Reverse(key) + sessionId);
            // After the half swap, output bytes 0, 1, 3 hold little-endian bytes 2, 3, 1 of the mixed key XOR 'S', 'O',
            // 'K'.
            return payload[0] == (byte)((mixed >> 16) ^ 'S' ^ ticks)
                && payload[1] == (byte)((mixed >> 24) ^ 'O' ^ ticks)
                && payload[3] == (byte)((mixed >> 8) ^ 'K' ^ ticks);
        }

        private static uint Reverse(uint key)
        {
            uint reversed = 0;
            for (int bit = 0; bit < 32; bit++)
                if ((key & (1u << bit)) != 0) reversed |= 1u << (31 - bit);
            return reversed;
        }
    }
}
