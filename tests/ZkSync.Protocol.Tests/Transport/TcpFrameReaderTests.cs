using System.Linq;
using Xunit;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Tests.Scripted;
using ZkSync.Protocol.Transport;

namespace ZkSync.Protocol.Tests.Transport
{
    public class TcpFrameReaderTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(7)]
        [InlineData(8)]
        [InlineData(9)]
        [InlineData(1000)]
        [InlineData(1024)]
        [InlineData(4096)]
        public void Captured_stream_cut_anywhere_gives_the_same_four_frames(int piece)
        {
            var packets = Frames.Cut(Hex.Bytes(DeviceVectors.V24), piece);
            Assert.Equal(new ushort[] { 1500, 1501, 1501, 2000 }, packets.Select(p => p.Command).ToArray());
            Assert.Equal(new[] { 8, 1008, 236, 0 }, packets.Select(p => p.Payload.Length).ToArray());
            Assert.All(packets, p => Assert.Equal(50, p.ReplyId));
            // chunk index
            Assert.Equal(new ushort[] { 0, 1 }, packets.Skip(1).Take(2).Select(p => p.SessionId).ToArray());
        }

        [Fact]
        public void Lying_length_fails_on_the_prefix_alone()
        {
            var reader = new TcpFrameReader("dev");
            reader.Append(Hex.Bytes("5050827dffffff7f"), 0, 8);
            var ex = Assert.Throws<ZkMalformedReplyException>(() => reader.TryTakeFrame(out _));
            Assert.Equal("dev", ex.Device);
            Assert.Equal(8, reader.Buffered); // nothing was allocated or consumed for the announced 2 GB
        }

        [Fact]
        public void Wrong_magic_is_malformed()
        {
            var reader = new TcpFrameReader();
            reader.Append(Hex.Bytes("5050827e08000000d007fffc2ffb0000"), 0, 16);
            Assert.Throws<ZkMalformedReplyException>(() => reader.TryTakeFrame(out _));
        }

        [Fact]
        public void Partial_frame_waits_for_more_bytes()
        {
            var bytes = Hex.Bytes("5050827d08000000d007fffc2ffb0000");
            var reader = new TcpFrameReader();
            reader.Append(bytes, 0, 15);
            Assert.False(reader.TryTakeFrame(out _));
            reader.Append(bytes, 15, 1);
            Assert.True(reader.TryTakeFrame(out var frame));
            Assert.Equal(bytes.Skip(8).ToArray(), frame);
        }
    }
}
