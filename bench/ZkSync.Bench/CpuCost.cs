using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using ZkSync.Emulator.Core.Seeding;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Bench
{
    /// <summary>
    /// The engine's CPU cost with no link at all: decoding bulk tables and encoding a batch upload, in process. A
    /// Stopwatch loop: warm-up runs, then timed runs (each after a full collection) for at least a second and ten runs;
    /// the median run is reported per item.
    /// </summary>
    internal static class CpuCost
    {
        private const int WarmUps = 3, MinRuns = 10;
        private static readonly TimeSpan MinTime = TimeSpan.FromSeconds(1);

        public sealed record Result(string What, int Items, string Unit, double MedianMs, double NsPerItem, int Runs);

        public static IReadOnlyList<Result> Run()
        {
            var rng = new Random(7);
            var ascii = Encoding.ASCII;
            var users = Enumerable.Range(1, 10000).Select(i => User(rng, (ushort)i)).ToList();
            var userTable = UserTable(users);
            var fingers = new List<ZkFingerprint>();
            foreach (var u in users)
                for (int f = 0; f < 2; f++)
                    fingers.Add(new ZkFingerprint(u.Uid, (byte)f, 1, Seeder.MakeTemplate(rng, 10)));
            var templateTable = FingerprintTableCodec.EncodeTable(fingers);
            var upload = users.Take(3000).ToList();

            return new[]
            {
                Measure("decode users (UserRecordCodec.DecodeTable)", users.Count, "user", () =>
                    UserRecordCodec.DecodeTable(userTable, users.Count, ascii, out _).Count
                ),
                Measure("decode templates (FingerprintTableCodec.DecodeTable)", fingers.Count, "template", () =>
                    FingerprintTableCodec.DecodeTable(templateTable).Count
                ),
                Measure(
                    "encode bulk upload, 3,000 users + 6,000 templates (UserRecordCodec.Encode + "
                        + "BatchUploadCodec.Encode)",
                    upload.Count,
                    "user",
                    () => EncodeUpload(upload, fingers).Length
                ),
            };
        }

        /// <summary>What WriteUsersAsync does on the CPU: encode each record, then the batch buffer.</summary>
        private static byte[] EncodeUpload(List<ZkUser> users, List<ZkFingerprint> fingers)
        {
            var batch = new BatchUpload();
            foreach (var u in users)
                batch.Users.Add(
                    new BatchUserEntry(
                        BatchOperation.AddOrOverwrite,
                        UserRecordCodec.Encode(u, UserRecordFormat.Extended72, Encoding.ASCII, TruncationMode.Error)
                    )
                );
            for (int i = 0; i < users.Count * 2; i++)
                batch.Templates.Add(
                    new BatchTemplateEntry(
                        BatchOperation.AddOrOverwrite,
                        fingers[i].Uid,
                        (byte)(0x10 + fingers[i].FingerIndex),
                        fingers[i].Template
                    )
                );
            return BatchUploadCodec.Encode(batch);
        }

        private static Result Measure(string what, int items, string unit, Func<int> body)
        {
            int check = 0;
            for (int i = 0; i < WarmUps; i++) check += body();
            var times = new List<double>();
            var total = Stopwatch.StartNew();
            while (times.Count < MinRuns || total.Elapsed < MinTime)
            {
                // Each run starts on a clean heap and pays for its own garbage, not for earlier runs'.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var run = Stopwatch.StartNew();
                check += body();
                times.Add(run.Elapsed.TotalMilliseconds);
            }
            if (check == 0) throw new InvalidOperationException("the measured code did nothing");
            times.Sort();
            double median = times[times.Count / 2];
            return new Result(what, items, unit, median, median * 1e6 / items, times.Count);
        }

        private static ZkUser User(Random rng, ushort uid) =>
            new ZkUser
            {
                Uid = uid,
                UserId = (1000 + uid * 3 + rng.Next(3)).ToString(CultureInfo.InvariantCulture),
                Name = "User " + rng.Next(100000),
                Password = rng.Next(5) == 0 ? rng.Next(1000, 99999).ToString(CultureInfo.InvariantCulture) : "",
                Card = (uint)rng.Next(100000, 16777215),
                Group = 1,
            };

        private static byte[] UserTable(List<ZkUser> users)
        {
            var records = users
                .Select(u =>
                    UserRecordCodec.Encode(u, UserRecordFormat.Extended72, Encoding.ASCII, TruncationMode.Error)
                )
                .ToList();
            var table = new byte[4 + records.Sum(r => r.Length)];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(table, (uint)(table.Length - 4));
            int o = 4;
            foreach (var r in records)
            {
                Buffer.BlockCopy(r, 0, table, o, r.Length);
                o += r.Length;
            }
            return table;
        }
    }
}
