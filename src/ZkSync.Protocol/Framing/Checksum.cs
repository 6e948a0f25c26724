using System;

namespace ZkSync.Protocol.Framing
{
    /// <summary>The 16-bit one's-complement checksum of a packet (header with the checksum field zeroed, plus
    /// payload).</summary>
    public static class Checksum
    {
        /// <summary>Computes the checksum over <paramref name="packet"/>, treating bytes 2..3 (the checksum field) as
        /// zero.</summary>
        public static ushort Compute(ReadOnlySpan<byte> packet)
        {
            uint sum = 0;
            int offset = 0;
            for (; offset + 1 < packet.Length; offset += 2)
            {
                uint word = (offset == 2) ? 0u : (uint)(packet[offset] | (packet[offset + 1] << 8));
                sum += word;
                if (sum > 0xFFFF) sum -= 0xFFFF;
            }
            if (offset < packet.Length) sum += packet[offset];
            while (sum > 0xFFFF) sum -= 0xFFFF;
            return (ushort)~sum;
        }
    }
}
