using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

using ZkSync.Bench.LinkFloor;

namespace ZkSync.Bench
{
    /// <summary>Markdown output: machine, CPU costs, one table row per scenario, then the targets met or not.</summary>
    internal sealed class ReportWriter
    {
        private readonly TextWriter _out;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public ReportWriter(TextWriter output, LinkModel model)
        {
            _out = output;
            Model = model;
        }

        private LinkModel Model { get; }

        public void Machine(LinkModel model)
        {
            string cpu = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo")
                    .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                    ?.Split(':', 2)[1]
                    .Trim()
                    ?? "?"
                : RuntimeInformation.ProcessArchitecture.ToString();
            _out.WriteLine(
                $"Machine: {Environment.ProcessorCount} cores, {cpu}, {Gb(TotalMemory())} RAM, "
                    + $"{RuntimeInformation.OSDescription}, "
                    + $".NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"
            );
            _out.WriteLine($"Link model: {model.Describe()}");
            _out.WriteLine();
            _out.Flush();
        }

        public void Cpu(IReadOnlyList<CpuCost.Result> results)
        {
            _out.WriteLine("| CPU cost (no link) | items | median run | per item | runs |");
            _out.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var r in results)
                _out.WriteLine(
                    $"| {r.What} | {r.Items:N0} {r.Unit}s | {r.MedianMs:0.00} ms | {r.NsPerItem:N0} ns/{r.Unit} | "
                        + $"{r.Runs} |"
                );
            _out.WriteLine();
            _out.Flush();
        }

        public void Progress(string message) => Console.Error.WriteLine($"[{_clock.Elapsed:hh\\:mm\\:ss}] {message}");

        /// <summary>Logs the result as soon as it is known (long runs) and passes it on.</summary>
        public ScenarioResult Row(ScenarioResult r)
        {
            Progress(
                $"{r.Users} users {r.Scenario}: {Seconds(r.Wall)} (measured x scale {Seconds(r.ScaledWall)}, busy "
                    + $"{string.Join(" / ", r.Busy.Select(Seconds))}; floor {Seconds(r.Floor)}, "
                        + $"x{r.WallOverFloor:0.00}), "
                    + $"{r.Requests:N0} requests ({r.DestinationRequestsPerUser:0.00} per user on the destination), "
                        + $"device time {DeviceTimes(r)}, "
                    + $"{Mb(r.BytesUp)} up, {Mb(r.BytesDown)} down, managed peak {Mb(r.Measured.ManagedPeak)}; "
                        + $"{r.Outcome}"
            );
            return r;
        }

        public void Table(IReadOnlyList<ScenarioResult> results)
        {
            _out.WriteLine(
                "| users | scenario | verify | wall | measured × scale | requests (src / dst) | dst requests per user "
                    + "| device time (src / dst) | up | down | floor (src / dst) | wall ÷ floor | reference ÷ this | "
                        + "managed peak | working set peak | outcome |"
            );
            _out.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var r in results)
            {
                var reference = ReferenceFor(results, r);
                string speedUp =
                    reference != null
                        ? $"{reference.Wall.TotalSeconds / r.Wall.TotalSeconds:0.00}× ({reference.Scenario})"
                        : "";
                _out.WriteLine(
                    $"| {r.Users:N0} | {r.Scenario} | {r.Verify} | {Seconds(r.Wall)} | {Seconds(r.ScaledWall)} | "
                        + string.Join(
                            " / ",
                            r.Measured.Links.Select(l => l.RoundTrips.ToString("N0", CultureInfo.InvariantCulture)))
                        + " | "
                        + $"{r.DestinationRequestsPerUser:0.00} | {DeviceTimes(r)} | "
                        + $"{Mb(r.BytesUp)} | {Mb(r.BytesDown)} | {Seconds(r.Floor)} "
                            + $"({string.Join(" / ", r.LinkFloors.Select(Seconds))}) | "
                        + $"{r.WallOverFloor:0.00} | {speedUp} | {Mb(r.Measured.ManagedPeak)} | "
                            + $"{Mb(r.Measured.WorkingSetPeak)} | {r.Outcome} |"
                );
            }
            _out.WriteLine();
            _out.Flush();
        }

        public void Targets(IReadOnlyList<ScenarioResult> results)
        {
            _out.WriteLine("Targets:");
            foreach (var full in results.Where(r => r.Scenario == "full" && r.Users == 3000))
                Target(
                    $"full sync <= 1.3x the floor at 3,000 users: {full.WallOverFloor:0.00}x",
                    full.WallOverFloor <= 1.3
                );
            foreach (var full in results)
            {
                var reference = ReferenceFor(results, full);
                if (reference == null)
                    continue;
                double x = reference.Wall.TotalSeconds / full.Wall.TotalSeconds;
                // No tool doing this scenario's work can beat its floor, so the reference run's wall over that floor
                // caps the speed-up.
                double cap = reference.Wall.TotalSeconds / full.Floor.TotalSeconds;
                double? wanted = SpeedUpTarget(full, reference);
                string text =
                    $"faster than {reference.Scenario} ({full.Users:N0} users, {full.Scenario}, verify "
                        + $"{full.Verify}): {x:0.00}x "
                    + $"(the floor of this work under this model allows at most {cap:0.00}x)";
                if (wanted is double w)
                    Target($">= {w:0}x " + text, x >= w);
                else
                    _out.WriteLine($"- reported: {text}");
            }
            foreach (
                var full in results.Where(r =>
                    Model.DeviceTiming != Emulator.Core.DeviceTimingMode.None && r.Scenario == "full"
                )
            )
                Target(
                    $"full sync <= 1.2x the {Model.DeviceTiming.ToString().ToLowerInvariant()} model's floor "
                        + $"({full.Users:N0} users, verify on): "
                        + $"{full.WallOverFloor:0.00}x ({Seconds(full.Wall)} vs {Seconds(full.Floor)})",
                    full.WallOverFloor <= 1.2
                );
            foreach (var full in results.Where(r => r.Scenario == "full"))
                Target(
                    $"destination requests per user with faces and photos, verify on, <= 8.5 ({full.Users:N0} users): "
                        + $"{full.DestinationRequestsPerUser:0.00}",
                    full.DestinationRequestsPerUser <= 8.5
                );
            foreach (var copy in results.Where(r => r.Scenario == "module-copy"))
            {
                var sync = results.FirstOrDefault(s => s.Scenario == "module-sync" && s.Users == copy.Users);
                if (sync == null)
                    continue;
                double ratio = copy.Wall.TotalSeconds / sync.Wall.TotalSeconds;
                Target(
                    $"Copy-ZkUser <= 1.2x Sync-ZkDevice's time for the same {copy.Users:N0} users: {ratio:0.00}x "
                        + $"({Seconds(copy.Wall)} vs {Seconds(sync.Wall)}; "
                            + $"{copy.Measured.Wall.TotalMilliseconds / copy.Users:0.0} vs "
                                + $"{sync.Measured.Wall.TotalMilliseconds / sync.Users:0.0} ms per user)",
                    ratio <= 1.2
                );
            }
            foreach (var r in results.Where(r => r.Scenario == "resync"))
                Target(
                    $"unchanged re-sync uploads 0 bytes ({r.Users:N0} users): {r.PayloadUploaded:N0} bytes of "
                        + "CMD_DATA payload "
                        + $"({r.Outcome})",
                    r.PayloadUploaded == 0 && r.Ok
                );
            foreach (var r in results.Where(r => r.Scenario == "full" && r.Users == 10000))
                Target(
                    $"10,000 users with photos under 300 MB: managed peak {Mb(r.Measured.ManagedPeak)}, working set "
                        + $"peak {Mb(r.Measured.WorkingSetPeak)}"
                        + $" ({r.Outcome})",
                    r.Ok && r.Measured.ManagedPeak < 300_000_000 && r.Measured.WorkingSetPeak < 300_000_000
                );
            foreach (var r in results.Where(r => !r.Ok))
                Target($"{r.Users:N0} users {r.Scenario} completed: {r.Outcome}", false);
            _out.Flush();
        }

        /// <summary>
        /// The run the engine run <paramref name="r"/> compares with (same users, same kinds): the hybrid script's way
        /// when it ran, else the naive way.
        /// </summary>
        private static ScenarioResult? ReferenceFor(IReadOnlyList<ScenarioResult> results, ScenarioResult r)
        {
            bool fp = r.Scenario == "full-fp" || r.Scenario == "full-fp-noverify";
            if (!fp && r.Scenario != "full" && r.Scenario != "full-noverify")
                return null;
            return results.FirstOrDefault(n =>
                n.Users == r.Users && n.Scenario == (fp ? "hybrid-script-fp" : "hybrid-script")
            ) ?? results.FirstOrDefault(n => n.Users == r.Users && n.Scenario == (fp ? "naive-fp" : "naive"));
        }

        /// <summary>The issue's speed-up targets: over the hybrid script under the requests model (4x full, 30x users
        /// and fingerprints), 5x over naive with no device timing.</summary>
        private double? SpeedUpTarget(ScenarioResult engine, ScenarioResult reference)
        {
            bool fp = engine.Scenario.StartsWith("full-fp", StringComparison.Ordinal);
            if (reference.Scenario.StartsWith("hybrid", StringComparison.Ordinal))
                return Model.DeviceTiming == Emulator.Core.DeviceTimingMode.Requests ? (fp ? 30 : 4) : (double?)null;
            return Model.DeviceTiming == Emulator.Core.DeviceTimingMode.None ? 5 : (double?)null;
        }

        private static string DeviceTimes(ScenarioResult r) =>
            r.Measured.Links.All(l => l.DeviceMicroseconds == 0)
                ? "-"
                : string.Join(" / ", r.Measured.Links.Select(l => Seconds(TimeSpan.FromSeconds(l.DeviceSeconds))));

        private void Target(string text, bool met) => _out.WriteLine($"- {(met ? "MET" : "NOT MET")}: {text}");

        private static string Seconds(TimeSpan t) =>
            t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

        private static string Mb(long bytes) =>
            (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

        private static string Gb(long bytes) => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB";

        private static long TotalMemory() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }
}
