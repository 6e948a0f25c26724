using Xunit;
using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Tests.Framing
{
    /// <summary>Framing against the real-device and pyzk vectors of docs/protocol.md §1, §13</summary>
    public class PacketVectorTests
    {
        [Theory]
        [InlineData(CommandCode.Connect, 0, 0, "", "e80317fc00000000")] // worked example 1 / V2
        [InlineData(ReplyCode.Ok, 0xFB2F, 0, "", "d007fffc2ffb0000")] // worked example 2 (end-around carry) / V11
        [InlineData(ReplyCode.Ok, 0x8DF3, 10, "09", "d007296af38d0a0009")] // worked example 3 (odd length)
        [InlineData(CommandCode.Exit, 0xFB2F, 1, "", "e903e6002ffb0100")] // V3
        [InlineData(CommandCode.Auth, 0x45CF, 1, "614d323c", "4e044e2ccf450100614d323c")] // V4
        [InlineData(
            CommandCode.PrepareBuffer,
            0x45CF,
            20,
            "0109000500000000000000",
            "df053ca6cf4514000109000500000000000000"
        )] // V8
        public void Encode_matches_captured_bytes(
            ushort command,
            int session,
            int reply,
            string payload,
            string expected
        )
        {
            var packet = new Packet(command, (ushort)session, (ushort)reply, Hex.Bytes(payload));
            Assert.Equal(expected, Hex.Of(packet.Encode()));
        }

        [Theory]
        [InlineData("5050827d08000000e80317fc00000000")] // V1
        [InlineData("5050827d08000000d5075bb2cf450000")] // V12
        [InlineData("5050827d09000000d007babb5c3c100009")] // V18
        [InlineData("5050827d15000000d007a7625c3c150000b4130000b4130000cdef2300")] // V22
        [InlineData("5050827d10000000dc050da65c3c1600b4130000f0030000")] // V23
        public void Tcp_vectors_unwrap_and_verify(string wire)
        {
            var bytes = Hex.Bytes(wire);
            Assert.True(TcpEnvelope.TryReadLength(bytes, out int length, out _));
            Assert.Equal(bytes.Length - TcpEnvelope.Size, length);
            Assert.True(Packet.TryDecode(bytes, TcpEnvelope.Size, length, out var packet, out bool valid));
            Assert.True(valid);
            Assert.Equal(
                wire,
                Hex.Of(
                    TcpEnvelope.Wrap(
                        new Packet(packet.Command, packet.SessionId, packet.ReplyId, packet.Payload).Encode()
                    )
                )
            );
        }

        [Fact]
        public void Corrupted_checksum_is_detected()
        {
            var bytes = Hex.Bytes("d007fffc2ffb0000");
            bytes[7] ^= 1;
            Assert.True(Packet.TryDecode(bytes, 0, bytes.Length, out _, out bool valid));
            Assert.False(valid);
        }

        [Fact]
        public void Short_frame_is_refused_without_throwing()
        {
            Assert.False(Packet.TryDecode(new byte[7], 0, 7, out _, out _));
        }

        [Theory]
        [InlineData("5050827d00000000", "announces 0")]
        [InlineData("5050827dffffff7f", "announces")]
        [InlineData("5151827d08000000", "magic")]
        public void Bad_tcp_prefix_is_refused(string prefix, string reason)
        {
            Assert.False(TcpEnvelope.TryReadLength(Hex.Bytes(prefix), out _, out string? error));
            Assert.Contains(reason, error);
        }

        [Theory]
        [InlineData(65534, 65535)]
        [InlineData(65535, 0)]
        public void Reply_ids_wrap_through_65535(int current, int next) =>
            Assert.Equal((ushort)next, ReplyIds.Next((ushort)current));
    }
}
