using System;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>
    /// The firmware's hashpjw over a transfer buffer: announced with bulk reads (1503) and checked by command 119 on
    /// uploads.
    /// </summary>
    public static class BufferHash
    {
        private const uint Modulus = 65536u * 255u - 1u; // 0xFEFFFF

        public static uint Compute(ReadOnlySpan<byte> data)
        {
            uint hash = 0;
            foreach (byte b in data)
            {
                hash = unchecked((hash << 4) + b);
                uint topNibble = hash & 0xF0000000u;
                if (topNibble != 0)
                {
                    hash ^= unchecked((uint)((int)topNibble >> 24));
                    hash ^= topNibble;
                }
            }
            return hash % Modulus;
        }
    }
}
