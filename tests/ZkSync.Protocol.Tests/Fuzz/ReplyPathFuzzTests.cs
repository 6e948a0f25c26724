using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Fuzz
{
    /// <summary>
    /// The whole reply path (TCP frame reader, session matching, bulk and large-data readers, decoders) against a
    /// loopback peer that answers every request with a mutated real device stream carrying the request's reply id.
    /// </summary>
    public class ReplyPathFuzzTests
    {
        private static Random PeerRandom = new Random(0);

        /// <summary>A captured stream re-addressed to <paramref name="request"/>, mutated in its payloads (checksums
        /// then valid) or in its raw bytes.</summary>
        private static byte[] Answer(Packet request, Random rng)
        {
            var packets = Frames.Cut(Corpus.Streams[rng.Next(Corpus.Streams.Count)], int.MaxValue / 2);
            bool rawMutation = rng.Next(2) == 0;
            var stream = new MemoryStream();
            foreach (var p in packets)
            {
                var payload = !rawMutation && rng.Next(2) == 0 ? Fuzzer.Mutate(p.Payload, rng) : p.Payload;
                var bytes = TcpEnvelope.Wrap(new Packet(p.Command, p.SessionId, request.ReplyId, payload).Encode());
                stream.Write(bytes);
            }
            var all = stream.ToArray();
            return rawMutation ? Fuzzer.Mutate(all, rng) : all;
        }

        [Fact]
        public async Task Mutated_device_streams_give_typed_errors_never_crashes_or_hangs()
        {
            using var peer = ScriptedPeer.Tcp(
                async (p, link) =>
                {
                    if (Replies.IsConnect(p))
                    {
                        await link.SendAsync(Replies.Ok(p));
                        return;
                    }
                    if (p.Command == ReplyCode.Ok || p.Command == CommandCode.Exit)
                        return;
                    byte[] answer;
                    lock (typeof(ReplyPathFuzzTests))
                        answer = Answer(p, PeerRandom);
                    await link.SendRawAsync(answer);
                }
            );
            var options = Sessions.Options(peer.Port, ZkTransportKind.Tcp, timeoutSeconds: 0.05);
            await Fuzzer.RunAsync(
                "reply path",
                new[] { new byte[1] },
                async (_, rng) =>
                {
                    lock (typeof(ReplyPathFuzzTests))
                        PeerRandom = new Random(rng.Next());
                    // a hang fails below, not the run
                    using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    using var session = await Sessions.OpenAsync(options, bound.Token);
                    try
                    {
                        await session.RunAsync(
                            async x =>
                            {
                                switch (rng.Next(3))
                                {
                                    case 0:
                                        var table = await BulkReader.ReadAsync(x, BulkReadTarget.Users, "users");
                                        UserRecordCodec.DecodeTable(
                                            table,
                                            null,
                                            Encoding.UTF8,
                                            out ZkSync.Protocol.Model.UserRecordFormat _
                                        );
                                        break;
                                    case 1:
                                        await LargeDataReceiver.RequestAsync(
                                            x,
                                            CommandCode.UserTemplateExRead,
                                            new byte[] { 1, 0, 0 },
                                            "template"
                                        );
                                        break;
                                    default:
                                        var sizes = await x.RequestOkAsync(CommandCode.GetFreeSizes, null, "sizes");
                                        FreeSizesCodec.Decode(sizes.Payload);
                                        break;
                                }
                                return true;
                            },
                            bound.Token
                        );
                    }
                    catch (OperationCanceledException) when (bound.IsCancellationRequested)
                    {
                        throw new InvalidOperationException("the exchange did not end within 5 s");
                    }
                },
                ciCases: 150
            );
        }
    }
}
