using System;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>
    /// The firmware's hashpjw over a transfer buffer: announced with bulk reads (1503) and checked by command 119 on uploads.
    /// </summary>
    public static class BufferHash
    {
        private const uint Modulus = 65536u * 255u - 1u; // 0xFEFFFF

        public static uint Compute(ReadOnlySpan<byte> data)
        {
            uint h = 0;
            foreach (byte b in data)
            {
                h = unchecked((h << 4) + b);
                uint g = h & 0xF0000000u;
                if (g != 0)
                {
                    h ^= unchecked((uint)((int)g >> 24));
                    h ^= g;
                }
            }
            return h % Modulus;
        }
    }
}
