using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Session
{
    /// <summary>
    /// Short replies captured from a real terminal (fananimi/pyzk test.py, test_tcp_get_users_broken_tcp: V18 and V17),
    /// delivered the way pyzk's one-read-per-reply client could not take them: cut inside the TCP prefix, inside the
    /// header, and before the payload. The session must hand each one over whole.
    /// </summary>
    public class CapturedReplySegmentationTests
    {
        /// <summary>V18: CMD_ACK_OK with one data byte, 09, reply id 16: the answer to CMD_GET_PINWIDTH (width
        /// 9).</summary>
        private const string V18 = "5050827d09000000d007babb5c3c100009";

        [Theory]
        [InlineData(3, 12, 16)] // prefix cut, header cut, payload alone
        [InlineData(8, 9, 10)] // one byte at a time around the header start
        [InlineData(15, 16, 17)] // the last header byte and the single data byte alone
        public async Task Captured_pin_width_and_free_sizes_replies_cut_anywhere_decode(int a, int b, int c)
        {
            using var peer = ScriptedPeer.Tcp(
                async (p, link) =>
                {
                    if (p.Command == CommandCode.Connect)
                        await link.SendAsync(Replies.Ok(p));
                    else if (p.Command == CommandCode.GetPinWidth)
                        await link.SendSplitAsync(Hex.Bytes(V18), a, b, c);
                    else if (p.Command == CommandCode.GetFreeSizes)
                        await link.SendSplitAsync(Hex.Bytes(DeviceVectors.V17), a, b, c, 60);
                }
            );
            using var session = await Sessions.OpenAsync(Sessions.Options(peer.Port, ZkTransportKind.Tcp));

            session.LastReplyId = 15; // V18 answers reply id 16
            var width = await session.RunAsync(x => x.RequestAsync(CommandCode.GetPinWidth), default);
            Assert.Equal(new byte[] { 9 }, width.Payload);

            session.LastReplyId = 18; // V17 answers reply id 19
            var sizes = await session.RunAsync(x => x.RequestAsync(CommandCode.GetFreeSizes), default);
            var counts = FreeSizesCodec.Decode(sizes.Payload);
            Assert.Equal((70, 70, 3225), (counts.Users, counts.Fingerprints, counts.Records));
        }
    }
}
