using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;
using ZkSync.Sync;

namespace ZkSync.Bench.Scenarios
{
    /// <summary>One fleet run: one source to N empty destinations in one SyncEngine run.</summary>
    internal sealed record FleetResult(int Users, int Destinations, int ThrottleLimit, Measurement Measured,
        TimeSpan SourceBusy,
        IReadOnlyList<TimeSpan> DestinationBusy, TimeSpan SerialPrefix, TimeSpan ScaledWall, bool DeviceTimed,
            int Succeeded, string Outcome)
    {
        /// <summary>
        /// Modelled wall time at <paramref name="throttle"/> destinations at a time, from the same accounts: each
        /// destination
        /// holds a slot for its busy time, slots taken in order as they free up (SyncEngine's semaphore), after the
        /// serial
        /// prefix; never less than the source's busy time. A destination's work does not depend on the throttle (each
        /// source
        /// batch is read once either way), so one run gives the wall at every throttle.
        /// </summary>
        public TimeSpan WallAt(int throttle)
        {
            if (!DeviceTimed) return throttle == ThrottleLimit ? ScaledWall : TimeSpan.Zero;
            var slots = new long[Math.Min(throttle, DestinationBusy.Count)];
            foreach (var busy in DestinationBusy)
            {
                int free = Array.IndexOf(slots, slots.Min());
                slots[free] += busy.Ticks;
            }
            var makespan = TimeSpan.FromTicks(slots.Max()) + SerialPrefix;
            return makespan > SourceBusy ? makespan : SourceBusy;
        }

        public TimeSpan Wall => WallAt(ThrottleLimit);
        public LinkStats Source => Measured.Links[0];
        public bool Ok => Succeeded == Destinations;
    }

    /// <summary>
    /// The fleet scenario (issue 22): 1 source to each of the given numbers of empty destinations, default options
    /// (verify on) and the default ThrottleLimit unless one is given, faces and photos included.
    /// </summary>
    internal static class Fleet
    {
        public static async Task<FleetResult> RunAsync(Rig rig, DeviceCensus census, EmulatorProcess source,
            int destinations, int? throttle, Action<string> progress)
        {
            var started = await Task.WhenAll(Enumerable.Range(1, destinations).Select(i
                => rig.StartEmptyAsync("fleet destination " + i))).ConfigureAwait(false);
            try
            {
                var options = new SyncOptions();
                if (throttle is int t) options.ThrottleLimit = t;
                progress($"{rig.Users} users: fleet of {destinations} destinations, ThrottleLimit "
                    + $"{options.ThrottleLimit}");
                SyncReport? report = null;
                var links = new[] { source }.Concat(started).ToList();
                var measured = await Measurement.RunAsync(links, async () =>
                {
                    report = await SyncEngine.RunAsync(
                        ZkClientSyncDevice.Endpoint(Rig.Connection(source)),
                        started.Select(d => ZkClientSyncDevice.Endpoint(Rig.Connection(d))).ToList(),
                        options).ConfigureAwait(false);
                }).ConfigureAwait(false);

                int ok = report!.Summaries.Count(s => s.Error == null && s.Failed == 0 && s.Added == census.Users);
                int faces = report.Items.Count(i => i.Faces == KindOutcome.Written);
                int photos = report.Items.Count(i => i.Photos == KindOutcome.Written);
                var firstError = report.Summaries.FirstOrDefault(s => s.Error != null || s.Failed > 0);
                string outcome = $"{ok} of {destinations} destinations with all {census.Users} users added; {faces} "
                    + $"face sets, {photos} photos written" +
                    (firstError == null ? "" : $"; {firstError.Destination}: {firstError.Failed} failed "
                        + $"{firstError.Error}");
                return new FleetResult(rig.Users, destinations, options.ThrottleLimit, measured,
                    rig.Model.Busy(measured.Links[0]),
                    measured.Links.Skip(1).Select(rig.Model.Busy).ToList(), EngineSync.SerialPrefix(rig, census,
                        measured, media: true),
                    rig.Model.Modelled(measured.Wall), rig.Model.DeviceTiming != Emulator.Core.DeviceTimingMode.None,
                        ok, outcome);
            }
            finally
            {
                foreach (var d in started) await d.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Throttles whose modelled walls the table shows beside the run's own.</summary>
        private static readonly int[] Throttles = { 1, 4, 8, 16, 32, 64 };

        public static void Table(TextWriter output, IReadOnlyList<FleetResult> results)
        {
            output.WriteLine("| users | destinations | ThrottleLimit | wall | ÷ one destination | measured × scale | "
                + "source requests | source down | dst requests (min-max) | dst device time (max) | managed peak | "
                + "working set peak | outcome |");
            output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var r in results)
            {
                var one = results.FirstOrDefault(o => o.Users == r.Users && o.Destinations == 1);
                var dst = r.Measured.Links.Skip(1).ToList();
                output.WriteLine($"| {r.Users:N0} | {r.Destinations} | {r.ThrottleLimit} | {S(r.Wall)} | "
                    + $"{(one == null ? "" : Ratio(r.Wall, one.Wall))} | " +
                    $"{S(r.ScaledWall)} | {r.Source.RoundTrips:N0} | {Mb(r.Source.BytesOut)} | "
                        + $"{dst.Min(l => l.RoundTrips):N0}-{dst.Max(l => l.RoundTrips):N0} | " +
                    $"{S(TimeSpan.FromSeconds(dst.Max(l => l.DeviceSeconds)))} | {Mb(r.Measured.ManagedPeak)} | "
                        + $"{Mb(r.Measured.WorkingSetPeak)} | {r.Outcome} |");
            }
            output.WriteLine();
            output.WriteLine("Modelled wall time of the same runs at other ThrottleLimits (from each run's accounts; "
                + "× = ÷ one destination):");
            output.WriteLine();
            output.WriteLine("| users | destinations | " + string.Join(" | ", Throttles.Select(t => "ThrottleLimit "
                + t)) + " |");
            output.WriteLine("|---:|---:|" + string.Concat(Throttles.Select(_ => "---:|")));
            foreach (var r in results.Where(r => r.Destinations > 1 && r.DeviceTimed))
            {
                var one = results.FirstOrDefault(o => o.Users == r.Users && o.Destinations == 1);
                output.WriteLine($"| {r.Users:N0} | {r.Destinations} | " + string.Join(" | ", Throttles.Select(t =>
                    S(r.WallAt(t))
                        + (one == null ? "" : $" "
                            + $"({(r.WallAt(t) / one.Wall).ToString("0.00", CultureInfo.InvariantCulture)}×)"))) + " "
                            + "|");
            }
            output.WriteLine();
        }

        public static void Targets(TextWriter output, IReadOnlyList<FleetResult> results)
        {
            output.WriteLine("Fleet targets:");
            foreach (var r in results.Where(r => r.Destinations > 1))
            {
                var one = results.FirstOrDefault(o => o.Users == r.Users && o.Destinations == 1);
                if (one != null)
                {
                    double x = r.Wall / one.Wall;
                    Target(output,
                        $"{r.Destinations} destinations, {r.Users:N0} users: wall <= 1.25x one destination's: "
                            + $"{x:0.00}x ({S(r.Wall)} vs {S(one.Wall)})", x <= 1.25);
                    // Read once: the source sends what it sends for one destination, whatever the fleet size. Bytes,
                    // not requests,
                    // decide: one batch read again would add 25 users' faces and photos (~1.3 MB at 1,000 users), while
                    // a
                    // reconnect after an idle close adds a few small requests and no media.
                    long extra = r.Source.BytesOut - one.Source.BytesOut;
                    Target(output,
                        $"{r.Destinations} destinations, {r.Users:N0} users: source media read once: "
                            + $"{r.Source.BytesOut:N0} bytes sent by the source, " +
                        $"{r.Source.RoundTrips:N0} requests (one destination: {one.Source.BytesOut:N0} bytes, "
                            + $"{one.Source.RoundTrips:N0} requests)",
                        extra <= one.Source.BytesOut / 1000);
                }
                if (r.Destinations == 64)
                    Target(output,
                        $"64 destinations, {r.Users:N0} users: managed memory <= 400 MB: {Mb(r.Measured.ManagedPeak)}",
                        r.Measured.ManagedPeak <= 400_000_000);
                if (!r.Ok) Target(output, $"{r.Destinations} destinations, {r.Users:N0} users completed: {r.Outcome}",
                    false);
            }
            output.Flush();
        }

        private static string Ratio(TimeSpan a, TimeSpan b) =>
            (a / b).ToString("0.00", CultureInfo.InvariantCulture) + "×";

        private static void Target(TextWriter output, string text, bool met)
            => output.WriteLine($"- {(met ? "MET" : "NOT MET")}: {text}");

        private static string S(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

        private static string Mb(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture)
            + " MB";
    }
}
