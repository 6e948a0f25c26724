using System.Collections.Generic;
using Xunit;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Transport;

namespace ZkSync.Protocol.Tests.Scripted
{
    /// <summary>Cuts captured TCP streams into packets through the production frame reader.</summary>
    internal static class Frames
    {
        /// <summary>Feeds <paramref name="stream"/> in pieces of <paramref name="piece"/> bytes and decodes every frame
        /// (checksums must verify).</summary>
        public static List<Packet> Cut(byte[] stream, int piece)
        {
            var reader = new TcpFrameReader();
            var packets = new List<Packet>();
            for (int o = 0; o < stream.Length; o += piece)
            {
                reader.Append(stream, o, System.Math.Min(piece, stream.Length - o));
                while (reader.TryTakeFrame(out var frame))
                {
                    Assert.True(Packet.TryDecode(frame, 0, frame.Length, out var p, out bool valid));
                    Assert.True(valid, $"checksum of {p}");
                    packets.Add(p);
                }
            }
            Assert.Equal(0, reader.Buffered);
            return packets;
        }

        public static Packet Single(string hex)
        {
            var packets = Cut(Hex.Bytes(hex), int.MaxValue / 2);
            Assert.Single(packets);
            return packets[0];
        }
    }
}
