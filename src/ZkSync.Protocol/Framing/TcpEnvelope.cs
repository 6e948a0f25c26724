using System;

namespace ZkSync.Protocol.Framing
{
    /// <summary>
    /// The 8-byte prefix every packet carries over TCP: <c>50 50 82 7D</c> then the u32 length of the packet that
    /// follows. The length is read as u32: firmware can send a 65,536-byte data frame (docs/protocol.md §1).
    /// </summary>
    public static class TcpEnvelope
    {
        public const int Size = 8;

        /// <summary>Largest packet (header + payload) we accept from a peer; bounds allocation on a lying length
        /// field.</summary>
        public const int MaxPacketLength = 1024 * 1024;

        private static readonly byte[] Magic = { 0x50, 0x50, 0x82, 0x7D };

        public static byte[] Wrap(byte[] packet)
        {
            var framed = new byte[Size + packet.Length];
            Buffer.BlockCopy(Magic, 0, framed, 0, 4);
            LittleEndian.Put(framed, 4, (uint)packet.Length);
            Buffer.BlockCopy(packet, 0, framed, Size, packet.Length);
            return framed;
        }

        /// <summary>Reads the length from an 8-byte prefix. The firmware checks only bytes 2 and 3 (<c>82 7D</c>); we
        /// check all four.</summary>
        public static bool TryReadLength(byte[] prefix, out int length, out string? error)
        {
            length = 0;
            error = null;
            if (prefix.Length < Size)
            {
                error = "TCP prefix shorter than 8 bytes";
                return false;
            }
            for (int i = 0; i < 4; i++)
            {
                if (prefix[i] != Magic[i])
                {
                    error = $"TCP prefix has wrong magic {BitConverter.ToString(prefix, 0, 4)}";
                    return false;
                }
            }
            uint len = LittleEndian.U32(prefix, 4);
            if (len < Packet.HeaderSize || len > MaxPacketLength)
            {
                error = $"TCP prefix announces {len} bytes (allowed {Packet.HeaderSize}..{MaxPacketLength})";
                return false;
            }
            length = (int)len;
            return true;
        }
    }
}
