using System;

namespace ZkSync.Protocol.Framing
{
    /// <summary>
    /// One protocol packet: the 8-byte header (command, checksum, session id, reply id) and its payload.
    /// The same shape travels in both directions and over both transports; TCP adds <see cref="TcpEnvelope"/>.
    /// </summary>
    public sealed class Packet
    {
        public const int HeaderSize = 8;

        public Packet(ushort command, ushort sessionId, ushort replyId, byte[]? payload = null)
        {
            Command = command;
            SessionId = sessionId;
            ReplyId = replyId;
            Payload = payload ?? Array.Empty<byte>();
        }

        /// <summary>Command number (client to device) or reply code (device to client).</summary>
        public ushort Command { get; }

        /// <summary>Session id; devices reuse this field for chunk indexes, event flags and sub-codes.</summary>
        public ushort SessionId { get; }

        public ushort ReplyId { get; }

        public byte[] Payload { get; }

        /// <summary>Checksum carried on the wire (set when decoded; computed when encoded).</summary>
        public ushort Checksum { get; private set; }

        /// <summary>Encodes header and payload with a valid checksum.</summary>
        public byte[] Encode()
        {
            var bytes = new byte[HeaderSize + Payload.Length];
            LittleEndian.Put(bytes, 0, Command);
            LittleEndian.Put(bytes, 4, SessionId);
            LittleEndian.Put(bytes, 6, ReplyId);
            Buffer.BlockCopy(Payload, 0, bytes, HeaderSize, Payload.Length);
            Checksum = Framing.Checksum.Compute(bytes);
            LittleEndian.Put(bytes, 2, Checksum);
            return bytes;
        }

        /// <summary>Decodes a packet. Returns false (never throws) when it is shorter than a header or its checksum is
        /// wrong.</summary>
        public static bool TryDecode(byte[] bytes, int offset, int count, out Packet packet, out bool checksumValid)
        {
            packet = null!;
            checksumValid = false;
            if (bytes == null || count < HeaderSize || offset < 0 || offset + count > bytes.Length)
                return false;
            var span = new ReadOnlySpan<byte>(bytes, offset, count);
            var payload = span.Slice(HeaderSize).ToArray();
            packet = new Packet(
                LittleEndian.U16(bytes, offset),
                LittleEndian.U16(bytes, offset + 4),
                LittleEndian.U16(bytes, offset + 6),
                payload
            )
            {
                Checksum = LittleEndian.U16(bytes, offset + 2),
            };
            checksumValid = Framing.Checksum.Compute(span) == packet.Checksum;
            return true;
        }

        public override string ToString() =>
            $"cmd {Command} session 0x{SessionId:X4} reply {ReplyId} payload {Payload.Length} B";
    }
}
