using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Transport;

namespace ZkSync.Protocol.Tests.Fuzz
{
    /// <summary>Every decoder of device bytes, fed mutated real samples and random bytes: a typed error or a result,
    /// nothing else.</summary>
    public class DecoderFuzzTests
    {
        private static int? Expected(Random rng) => rng.Next(3) == 0 ? (int?)null : rng.Next(0, 5);

        [Fact]
        public void User_tables() =>
            Fuzzer.Run(nameof(UserRecordCodec.DecodeTable), Corpus.UserTables, (b, rng) =>
                UserRecordCodec.DecodeTable(b, Expected(rng), rng.Next(2) == 0 ? Encoding.UTF8 : Encoding.ASCII, out _)
            );

        [Fact]
        public void Fingerprint_tables() =>
            Fuzzer.Run(nameof(FingerprintTableCodec), Corpus.FingerprintTables, (b, _) =>
                FingerprintTableCodec.DecodeTable(b)
            );

        [Fact]
        public void Batch_uploads() =>
            Fuzzer.Run(nameof(BatchUploadCodec), Corpus.Batches, (b, rng) =>
                BatchUploadCodec.Decode(b, rng.Next(2) == 0 ? 72 : 28)
            );

        [Fact]
        public void Free_sizes() =>
            Fuzzer.Run(nameof(FreeSizesCodec), Corpus.FreeSizes, (b, _) => FreeSizesCodec.Decode(b));

        [Fact]
        public void Attendance_tables() =>
            Fuzzer.Run(nameof(AttendanceCodec), Corpus.AttendanceTables, (b, rng) =>
                AttendanceCodec.DecodeTable(b, Expected(rng))
            );

        [Fact]
        public void Face_blobs() =>
            Fuzzer.Run(nameof(FaceRecordCodec), Corpus.FaceBlobs, (b, _) => FaceRecordCodec.DecodeBlob(b));

        [Fact]
        public void Options() => Fuzzer.Run(nameof(OptionCodec), Corpus.Options, (b, rng) =>
            {
                OptionCodec.DecodeName(b);
                OptionCodec.DecodeValue(b, rng.Next(2) == 0 ? "~ZKFPVersion" : "~Platform");
            });

        [Fact]
        public void Bulk_payloads() => Fuzzer.Run(nameof(BulkPayloads), Corpus.Announcements, (b, _) =>
            {
                BulkPayloads.DecodeAnnouncement(b, out int _, out uint _);
                BulkReader.ParseAnnouncement(b, "fuzz", "fuzz");
                BulkPayloads.DecodePrepareRequest(b);
            });

        [Fact]
        public void Packets_and_envelopes() =>
            Fuzzer.Run(nameof(Packet), Corpus.Streams.Concat(Corpus.Packets).ToList(), (b, rng) =>
            {
                int offset = b.Length == 0 ? 0 : rng.Next(b.Length);
                Packet.TryDecode(b, offset, b.Length - offset, out _, out _);
                if (b.Length >= TcpEnvelope.Size)
                    TcpEnvelope.TryReadLength(b.Take(TcpEnvelope.Size).ToArray(), out _, out _);
            });

        [Fact]
        public void Tcp_frame_reader_in_any_split() => Fuzzer.Run(nameof(TcpFrameReader), Corpus.Streams, (b, rng) =>
            {
                var reader = new TcpFrameReader("fuzz");
                for (int o = 0; o < b.Length;)
                {
                    int n = Math.Min(b.Length - o, 1 + rng.Next(700));
                    reader.Append(b, o, n);
                    o += n;
                    while (reader.TryTakeFrame(out var frame))
                        Packet.TryDecode(frame, 0, frame.Length, out _, out _);
                }
            });

        /// <summary>A stream of packets as the large-data receiver sees them; running out is a timeout, as on the
        /// wire.</summary>
        [Fact]
        public Task Large_data_receiver() =>
            Fuzzer.RunAsync(
                nameof(LargeDataReceiver),
                Corpus.Streams,
                async (b, rng) =>
                {
                    var packets = Decodable(b);
                    if (packets.Count == 0)
                        return;
                    int i = 1;
                    Task<Packet> Next() =>
                        i < packets.Count
                            ? Task.FromResult(packets[i++])
                            : throw new ZkTimeoutException("stream ended", "fuzz");
                    await LargeDataReceiver.ReceiveAsync(packets[0], Next, "fuzz", 88, "fuzz read");
                },
                Fuzzer.Cases()
            );

        /// <summary>Packets a client would accept from a (mutated) TCP stream: frames that decode with a valid
        /// checksum.</summary>
        internal static List<Packet> Decodable(byte[] stream)
        {
            var reader = new TcpFrameReader("fuzz");
            var packets = new List<Packet>();
            reader.Append(stream, 0, stream.Length);
            try
            {
                while (reader.TryTakeFrame(out var frame))
                    if (Packet.TryDecode(frame, 0, frame.Length, out var p, out bool valid) && valid) packets.Add(p);
            }
            catch (ZkMalformedReplyException) { }
            return packets;
        }
    }
}
