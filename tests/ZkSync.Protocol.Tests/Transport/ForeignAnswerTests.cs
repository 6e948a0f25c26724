using System.Text;
using Xunit;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Transport;

namespace ZkSync.Protocol.Tests.Transport
{
    public sealed class ForeignAnswerTests
    {
        [Fact]
        public void An_HTTP_answer_as_the_first_frame_is_not_a_terminal_and_says_what_answered()
        {
            var reader = new TcpFrameReader("dev");
            byte[] http = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\n\r\n");
            reader.Append(http, 0, http.Length);
            var ex = Assert.Throws<ZkNotATerminalException>(() => reader.TryTakeFrame(out _));
            Assert.Contains("an HTTP server answered", ex.Message);
            Assert.Equal("dev", ex.Device);
        }

        [Fact]
        public void Unknown_bytes_first_are_not_a_terminal_but_after_a_good_frame_they_are_a_damaged_frame()
        {
            var first = new TcpFrameReader();
            first.Append(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 0, 8);
            Assert.Contains(
                "not a ZKTeco terminal",
                Assert.Throws<ZkNotATerminalException>(() => first.TryTakeFrame(out _)).Message
            );

            var later = new TcpFrameReader();
            byte[] good = Hex.Bytes("5050827d08000000d007fffc2ffb0000");
            later.Append(good, 0, good.Length);
            Assert.True(later.TryTakeFrame(out _));
            later.Append(Encoding.ASCII.GetBytes("HTTP/1.1"), 0, 8);
            Assert.Throws<ZkMalformedReplyException>(() => later.TryTakeFrame(out _));
        }
    }
}
