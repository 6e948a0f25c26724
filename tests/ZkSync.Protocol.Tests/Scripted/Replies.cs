using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Tests.Scripted
{
    /// <summary>Device answers for scripted peers.</summary>
    internal static class Replies
    {
        public const ushort Session = 0x45CF;

        public static Packet To(Packet request, ushort code, byte[]? payload = null, ushort session = Session) =>
            new Packet(code, session, request.ReplyId, payload);

        public static Packet Ok(Packet request, byte[]? payload = null) => To(request, ReplyCode.Ok, payload);

        /// <summary>The usual start: CONNECT answered OK with session 0x45CF.</summary>
        public static bool IsConnect(Packet p) => p.Command == CommandCode.Connect;

        /// <summary>A packet with a broken checksum (valid otherwise).</summary>
        public static byte[] Corrupt(Packet p)
        {
            var bytes = p.Encode();
            bytes[2] ^= 0x5A;
            return bytes;
        }
    }
}
