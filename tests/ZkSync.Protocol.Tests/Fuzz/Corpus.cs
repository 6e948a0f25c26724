using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Fuzz
{
    /// <summary>Real samples to mutate: the captured device vectors and buffers the foundation's encoders
    /// build.</summary>
    internal static class Corpus
    {
        /// <summary>Whole TCP streams as captured (envelopes included).</summary>
        public static IReadOnlyList<byte[]> Streams { get; } =
            new[]
            {
                DeviceVectors.V16,
                DeviceVectors.V17,
                DeviceVectors.V19,
                DeviceVectors.V20,
                DeviceVectors.V21,
                DeviceVectors.V22,
                DeviceVectors.V23,
                DeviceVectors.V24,
                DeviceVectors.V25,
            }
                .Select(Hex.Bytes)
                .ToList();

        /// <summary>Every packet of the captured streams (header + payload, no envelope).</summary>
        public static IReadOnlyList<byte[]> Packets { get; } =
            Streams.SelectMany(s => Frames.Cut(s, s.Length)).Select(p => p.Encode()).ToList();

        /// <summary>Payloads of the captured packets.</summary>
        public static IReadOnlyList<byte[]> Payloads { get; } =
            Streams.SelectMany(s => Frames.Cut(s, s.Length)).Select(p => p.Payload).ToList();

        public static IReadOnlyList<byte[]> UserTables { get; } =
            new[]
            {
                Payload(DeviceVectors.V20),
                Payload(DeviceVectors.V21),
                Table(UserRecordFormat.Compact28),
                Table(UserRecordFormat.Extended72),
            };

        public static IReadOnlyList<byte[]> FreeSizes { get; } =
            new[]
            {
                Payload(DeviceVectors.V16),
                Payload(DeviceVectors.V17),
                Payload(DeviceVectors.V19),
                FreeSizesCodec.Encode(
                    new ZkDeviceCounts
                    {
                        Users = 3,
                        HasFaceFields = true,
                        UsersWithFaces = 2,
                        FaceCapacity = 700,
                    }
                ),
            };

        public static IReadOnlyList<byte[]> FingerprintTables { get; } =
            new[]
            {
                FingerprintTableCodec.EncodeTable(
                    new[] { new ZkFingerprint(1, 0, 1, Bytes(600, 1)), new ZkFingerprint(2, 5, 1, Bytes(1243, 2)) }
                ),
                FingerprintTableCodec.EncodeTable(Array.Empty<ZkFingerprint>()),
            };

        public static IReadOnlyList<byte[]> AttendanceTables { get; } = new[] { Attendance(40), Attendance(8) };

        public static IReadOnlyList<byte[]> FaceBlobs { get; } =
            new[]
            {
                FaceRecordCodec.EncodeBlob(
                    Enumerable.Range(0, 3).Select(i => FaceRecordCodec.Build(7, (byte)i, 1, Bytes(2048, i))).ToList()
                ),
            };

        public static IReadOnlyList<byte[]> Batches { get; } = new[] { Batch(72), Batch(28) };

        public static IReadOnlyList<byte[]> Options { get; } =
            new[] { Encoding.ASCII.GetBytes("~ZKFPVersion=10\0"), Encoding.ASCII.GetBytes("~Platform=ZMM220_TFT\0") };

        public static IReadOnlyList<byte[]> Announcements { get; } =
            new[] { BulkPayloads.Announcement(5044, 0x00BE00B4), Payload(DeviceVectors.V22) };

        private static byte[] Payload(string stream) => Frames.Cut(Hex.Bytes(stream), int.MaxValue / 2)[0].Payload;

        private static byte[] Bytes(int n, int seed)
        {
            var b = new byte[n];
            new Random(seed).NextBytes(b);
            return b;
        }

        private static byte[] Table(UserRecordFormat format)
        {
            var records = Enumerable
                .Range(1, 3)
                .Select(i =>
                    UserRecordCodec.Encode(
                        new ZkUser
                        {
                            Uid = (ushort)i,
                            UserId = (100 + i).ToString(CultureInfo.InvariantCulture),
                            Name = "User " + i,
                        },
                        format,
                        Encoding.UTF8,
                        TruncationMode.Truncate
                    )
                )
                .ToList();
            var b = new byte[4 + records.Sum(r => r.Length)];
            LittleEndian.Put(b, 0, (uint)(b.Length - 4));
            int o = 4;
            foreach (var r in records)
            {
                Buffer.BlockCopy(r, 0, b, o, r.Length);
                o += r.Length;
            }
            return b;
        }

        private static byte[] Attendance(int size)
        {
            var r = new ZkAttendanceRecord
            {
                Uid = 1,
                UserId = "101",
                Timestamp = new DateTime(2024, 1, 2, 3, 4, 5),
                VerifyMethod = 1,
            };
            var rec = size == 8 ? AttendanceCodec.Encode8(r) : AttendanceCodec.Encode40(r);
            var b = new byte[4 + 2 * size];
            LittleEndian.Put(b, 0, (uint)(2 * size));
            Buffer.BlockCopy(rec, 0, b, 4, size);
            Buffer.BlockCopy(rec, 0, b, 4 + size, size);
            return b;
        }

        private static byte[] Batch(int recordSize)
        {
            var format = (UserRecordFormat)recordSize;
            var batch = new BatchUpload();
            for (ushort i = 1; i <= 2; i++)
            {
                batch.Users.Add(
                    new BatchUserEntry(
                        BatchOperation.AddOrOverwrite,
                        UserRecordCodec.Encode(
                            new ZkUser { Uid = i, UserId = i.ToString(CultureInfo.InvariantCulture) },
                            format,
                            Encoding.UTF8,
                            TruncationMode.Truncate
                        )
                    )
                );
                batch.Templates.Add(new BatchTemplateEntry(BatchOperation.AddOrOverwrite, i, 0x10, Bytes(500, i)));
            }
            return BatchUploadCodec.Encode(batch);
        }
    }
}
