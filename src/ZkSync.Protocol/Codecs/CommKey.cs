using System;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>
    /// The CMD_AUTH payload derived from the comm key and the session id (firmware MakeKey, docs/protocol.md §2).
    /// </summary>
    public static class CommKey
    {
        public const byte DefaultTicks = 50;

        /// <summary>Largest comm key a device accepts (the key is a 32-bit number; devices take up to 999999 in their
        /// menus).</summary>
        public const uint MaxKey = 999999;

        public static byte[] Derive(uint key, ushort sessionId, byte ticks = DefaultTicks)
        {
            // Firmware adds in 32-bit arithmetic and lets it wrap; pyzk raises instead. We follow firmware.
            uint sum = unchecked(ReverseBits(key) + sessionId);
            var mixed = new byte[4];
            mixed[0] = (byte)(sum ^ 'Z');
            mixed[1] = (byte)((sum >> 8) ^ 'K');
            mixed[2] = (byte)((sum >> 16) ^ 'S');
            mixed[3] = (byte)((sum >> 24) ^ 'O');
            // Swap the two 16-bit halves, then mix in the ticks byte (byte 2 carries the ticks itself).
            return new[] { (byte)(mixed[2] ^ ticks), (byte)(mixed[3] ^ ticks), ticks, (byte)(mixed[1] ^ ticks) };
        }

        /// <summary>Device-side check: byte 2 carries the ticks the client chose, so any value there is
        /// accepted.</summary>
        public static bool Matches(ReadOnlySpan<byte> payload, uint key, ushort sessionId)
        {
            if (payload.Length != 4) return false;
            var expected = Derive(key, sessionId, payload[2]);
            return expected[0] == payload[0] && expected[1] == payload[1] && expected[3] == payload[3];
        }

        private static uint ReverseBits(uint value)
        {
            uint reversed = 0;
            for (int i = 0; i < 32; i++) { reversed = (reversed << 1) | (value & 1); value >>= 1; }
            return reversed;
        }
    }
}
