using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;
using ZkSync.Sync;

namespace ZkSync.Bench.Scenarios
{
    /// <summary>
    /// Issue 24: the full sync (verify on) of a seeded face terminal to an empty one over UDP, both emulators losing
    /// each
    /// datagram, request or reply, with the given probability (seeded). Without device timing the devices answer at
    /// loopback speed (no link model); with it they have the benchmark's link model and device timing, and the modelled
    /// time comes from the emulators' accounts (bench/README.md). Every user is then checked through a peer client over
    /// TCP (the loss applies to UDP only): user and template counts, and each user's faces and photo byte for byte.
    /// </summary>
    internal static class UdpLoss
    {
        internal sealed record Row(
            int Users,
            DeviceTimingMode Timing,
            double DropRate,
            TimeSpan Wall,
            TimeSpan Busy,
            long Requests,
            long Dropped,
            long Retransmits,
            long Failed,
            int Landed,
            int Mismatched,
            string Outcome
        )
        {
            public bool AllLanded => Failed == 0 && Mismatched == 0 && Landed == Users;
        }

        public static async Task<IReadOnlyList<Row>> RunAsync(
            BenchArgs options,
            string hostDll,
            LinkModel model,
            Action<string> progress
        )
        {
            var rows = new List<Row>();
            // Untimed: the engine's code is compiled once before any run is measured.
            await RunOneAsync(hostDll, new LinkModel(0, 1), 3, 0, options.Seed).ConfigureAwait(false);
            foreach (int users in options.Users)
            {
                foreach (double rate in options.DropRates)
                {
                    progress(
                        $"udp-loss: {users} users, drop rate {rate.ToString(CultureInfo.InvariantCulture)}, device "
                            + $"timing {model.DeviceTiming}"
                    );
                    var runs = new List<Row>();
                    for (int i = 0; i < options.Repeat; i++)
                    {
                        var run = await RunOneAsync(hostDll, model, users, rate, options.Seed + 2 * i)
                            .ConfigureAwait(false);
                        progress($"udp-loss: {Describe(run)}");
                        runs.Add(run);
                    }
                    // The median run by wall time (a loaded machine makes single runs noisy); any failed run is
                    // reported instead.
                    rows.Add(
                        runs.FirstOrDefault(r => !r.AllLanded) ?? runs.OrderBy(r => r.Wall).ElementAt(runs.Count / 2)
                    );
                }
            }
            return rows;
        }

        private static async Task<Row> RunOneAsync(string hostDll, LinkModel model, int users, double rate, int seed)
        {
            await using var source = await StartAsync(hostDll, model, "source", users, users, rate, seed)
                .ConfigureAwait(false);
            await using var destination = await StartAsync(hostDll, model, "destination", users, 0, rate, seed + 1)
                .ConfigureAwait(false);
            await source.ResetStatsAsync().ConfigureAwait(false);
            await destination.ResetStatsAsync().ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var report = await SyncEngine
                .RunAsync(
                    ZkClientSyncDevice.Endpoint(Connection(source, ZkTransportKind.Udp)),
                    new[] { ZkClientSyncDevice.Endpoint(Connection(destination, ZkTransportKind.Udp)) },
                    new SyncOptions { Verify = true }
                )
                .ConfigureAwait(false);
            clock.Stop();
            var sourceStats = await source.StatsJsonAsync().ConfigureAwait(false);
            var destinationStats = await destination.StatsJsonAsync().ConfigureAwait(false);
            var (landed, mismatched) = await CompareAsync(source, destination).ConfigureAwait(false);
            var summary = report.Summaries[0];
            var busy = new[] { sourceStats, destinationStats }.Select(s => model.Busy(s.Link)).Max();
            string outcome =
                $"{summary.Added} added, {summary.Failed} failed"
                + (summary.Error == null ? "" : "; error: " + summary.Error);
            return new Row(
                users,
                model.DeviceTiming,
                rate,
                model.Modelled(clock.Elapsed),
                busy,
                sourceStats.Link.Requests + destinationStats.Link.Requests,
                sourceStats.Dropped + destinationStats.Dropped,
                sourceStats.Retransmits + destinationStats.Retransmits,
                summary.Failed,
                landed,
                mismatched,
                outcome
            );
        }

        /// <summary>Users present on both, and of those how many differ in templates, faces or photo (peer clients over
        /// TCP).</summary>
        private static async Task<(int Landed, int Mismatched)> CompareAsync(
            EmulatorProcess source,
            EmulatorProcess destination
        )
        {
            using var from = await ZkDeviceClient
                .ConnectAsync(Connection(source, ZkTransportKind.Tcp))
                .ConfigureAwait(false);
            using var to = await ZkDeviceClient
                .ConnectAsync(Connection(destination, ZkTransportKind.Tcp))
                .ConfigureAwait(false);
            var fromUsers = await from.GetUsersAsync().ConfigureAwait(false);
            var toUsers = (await to.GetUsersAsync().ConfigureAwait(false)).ToDictionary(u => u.UserId);
            var fromPrints = (await from.GetFingerprintsAsync().ConfigureAwait(false)).ToLookup(f => f.UserId);
            var toPrints = (await to.GetFingerprintsAsync().ConfigureAwait(false)).ToLookup(f => f.UserId);
            int landed = 0,
                mismatched = 0;
            foreach (var user in fromUsers)
            {
                if (!toUsers.ContainsKey(user.UserId))
                    continue;
                landed++;
                bool same =
                    Same(
                        fromPrints[user.UserId].OrderBy(f => f.FingerIndex).Select(f => f.Template),
                        toPrints[user.UserId].OrderBy(f => f.FingerIndex).Select(f => f.Template)
                    )
                    // Faces compared without their uid field, which the destination sets to its own uid.
                    && Same(
                        (await from.GetFacesAsync(user.UserId).ConfigureAwait(false)).Select(f => f.Raw[4..]),
                        (await to.GetFacesAsync(user.UserId).ConfigureAwait(false)).Select(f => f.Raw[4..])
                    )
                    && Same(
                        new[] { await from.GetPhotoAsync(user.UserId).ConfigureAwait(false) ?? Array.Empty<byte>() },
                        new[] { await to.GetPhotoAsync(user.UserId).ConfigureAwait(false) ?? Array.Empty<byte>() }
                    );
                if (!same)
                    mismatched++;
            }
            await from.CloseAsync().ConfigureAwait(false);
            await to.CloseAsync().ConfigureAwait(false);
            return (landed, mismatched);
        }

        private static bool Same(IEnumerable<byte[]> a, IEnumerable<byte[]> b)
        {
            var left = a.ToList();
            var right = b.ToList();
            return left.Count == right.Count && left.Zip(right, (x, y) => x.AsSpan().SequenceEqual(y)).All(s => s);
        }

        private static ZkConnectionOptions Connection(EmulatorProcess device, ZkTransportKind transport) =>
            new ZkConnectionOptions
            {
                Host = "127.0.0.1",
                Port = device.Port,
                Transport = transport,
                Timeout = TimeSpan.FromSeconds(30),
            };

        private static Task<EmulatorProcess> StartAsync(
            string hostDll,
            LinkModel model,
            string name,
            int capacityUsers,
            int users,
            double rate,
            int seed
        )
        {
            var args = new List<string>
            {
                "--transport",
                "both",
                "--profile",
                "face",
                "--users",
                users.ToString(CultureInfo.InvariantCulture),
                "--seed",
                "1",
                "--max-face-count",
                ((capacityUsers + 99) / 100).ToString(CultureInfo.InvariantCulture),
                "--fp-capacity",
                (3 * capacityUsers).ToString(CultureInfo.InvariantCulture),
            };
            // Loopback runs have no link model: the loss alone is measured. Device timing runs have the whole model.
            if (model.DeviceTiming != DeviceTimingMode.None)
                args.AddRange(model.EmulatorArgs());
            if (rate > 0)
                args.AddRange(
                    new[]
                    {
                        "--drop-rate",
                        rate.ToString(CultureInfo.InvariantCulture),
                        "--fault-seed",
                        seed.ToString(CultureInfo.InvariantCulture),
                    }
                );
            return EmulatorProcess.StartAsync(name, hostDll, args);
        }

        private static string Describe(Row r) =>
            $"{r.Users} users, {r.DropRate:P0} loss, timing {r.Timing}: wall {r.Wall.TotalSeconds:0.0} s, modelled "
                + $"busy {r.Busy.TotalSeconds:0.0} s, "
            + $"{r.Requests} requests, {r.Dropped} dropped, {r.Retransmits} answered from cache; {r.Landed}/{r.Users} "
                + $"landed, {r.Mismatched} differ; {r.Outcome}";

        /// <summary>One Markdown row per run, with the ratio and cost per lost datagram against the lossless run of the
        /// same users and timing.</summary>
        public static void Write(TextWriter output, IReadOnlyList<Row> rows)
        {
            output.WriteLine();
            output.WriteLine(
                "| users | device timing | loss | wall (s) | modelled busy (s) | requests | datagrams dropped | "
                    + "answered from cache | ÷ lossless (wall) | s per loss (wall) | landed and equal |"
            );
            output.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var r in rows)
            {
                var lossless = rows.FirstOrDefault(x => x.Users == r.Users && x.Timing == r.Timing && x.DropRate == 0);
                string ratio =
                    lossless == null
                        ? ""
                        : (r.Wall.TotalSeconds / lossless.Wall.TotalSeconds).ToString(
                            "0.00",
                            CultureInfo.InvariantCulture
                        );
                string perLoss =
                    lossless == null || r.Dropped == 0
                        ? ""
                        : ((r.Wall - lossless.Wall).TotalSeconds / r.Dropped).ToString(
                            "0.000",
                            CultureInfo.InvariantCulture
                        );
                output.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {r.Users:N0} | {r.Timing.ToString().ToLowerInvariant()} | {r.DropRate * 100:0.#} % | "
                            + $"{r.Wall.TotalSeconds:0.0} | "
                                + $"{(r.Timing == DeviceTimingMode.None ? "-" : $"{r.Busy.TotalSeconds:0.0}")} | "
                                + $"{r.Requests:N0} | {r.Dropped:N0} | {r.Retransmits:N0} | {ratio} | {perLoss} | "
                                + $"{(r.AllLanded ? "yes" : "NO")}: {r.Landed}/{r.Users}, {r.Mismatched} differ; "
                                + $"{r.Outcome} |"
                    )
                );
            }
        }

        /// <summary>The counters the host prints for 'stats', with the loss counters the link floor does not
        /// need.</summary>
        internal readonly record struct HostStats(LinkStats Link, long Dropped, long Retransmits)
        {
            public static HostStats Parse(LinkStats link, string json)
            {
                using var doc = JsonDocument.Parse(json);
                return new HostStats(
                    link,
                    doc.RootElement.GetProperty("dropped").GetInt64(),
                    doc.RootElement.GetProperty("retransmits").GetInt64()
                );
            }
        }
    }
}
