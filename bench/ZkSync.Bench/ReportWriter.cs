using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace ZkSync.Bench
{
    /// <summary>Markdown output: machine, CPU costs, one table row per scenario, then the targets met or not.</summary>
    internal sealed class ReportWriter
    {
        private readonly TextWriter _out;
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public ReportWriter(TextWriter output) => _out = output;

        public void Machine(BenchArgs args)
        {
            string cpu = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
                : RuntimeInformation.ProcessArchitecture.ToString();
            _out.WriteLine($"Machine: {Environment.ProcessorCount} cores, {cpu}, {Gb(TotalMemory())} RAM, {RuntimeInformation.OSDescription}, " +
                $".NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            _out.WriteLine($"Link model: {args.LatencyMs.ToString(CultureInfo.InvariantCulture)} ms turnaround, {args.BytesPerSecond:N0} bytes/s per device link");
            _out.WriteLine();
            _out.Flush();
        }

        public void Cpu(IReadOnlyList<CpuCost.Result> results)
        {
            _out.WriteLine("| CPU cost (no link) | items | median run | per item | runs |");
            _out.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var r in results)
                _out.WriteLine($"| {r.What} | {r.Items:N0} {r.Unit}s | {r.MedianMs:0.00} ms | {r.NsPerItem:N0} ns/{r.Unit} | {r.Runs} |");
            _out.WriteLine();
            _out.Flush();
        }

        public void Progress(string message) => Console.Error.WriteLine($"[{_clock.Elapsed:hh\\:mm\\:ss}] {message}");

        /// <summary>Logs the result as soon as it is known (long runs) and passes it on.</summary>
        public ScenarioResult Row(ScenarioResult r)
        {
            Progress($"{r.Users} users {r.Scenario}: {Seconds(r.Measured.Wall)} (floor {Seconds(r.Floor)}, x{r.WallOverFloor:0.00}), " +
                $"{r.Requests:N0} requests, {Mb(r.BytesUp)} up, {Mb(r.BytesDown)} down, managed peak {Mb(r.Measured.ManagedPeak)}; {r.Outcome}");
            return r;
        }

        public void Table(IReadOnlyList<ScenarioResult> results)
        {
            _out.WriteLine("| users | scenario | verify | wall | requests (src / dst) | up | down | floor (src / dst) | wall ÷ floor | naive ÷ this | managed peak | working set peak | outcome |");
            _out.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var r in results)
            {
                var naive = NaiveFor(results, r);
                string speedUp = naive != null
                    ? $"{naive.Measured.Wall.TotalSeconds / r.Measured.Wall.TotalSeconds:0.00}×" : "";
                _out.WriteLine($"| {r.Users:N0} | {r.Scenario} | {r.Verify} | {Seconds(r.Measured.Wall)} | " +
                    $"{string.Join(" / ", r.Measured.Links.Select(l => l.RoundTrips.ToString("N0", CultureInfo.InvariantCulture)))} | " +
                    $"{Mb(r.BytesUp)} | {Mb(r.BytesDown)} | {Seconds(r.Floor)} ({string.Join(" / ", r.LinkFloors.Select(Seconds))}) | " +
                    $"{r.WallOverFloor:0.00} | {speedUp} | {Mb(r.Measured.ManagedPeak)} | {Mb(r.Measured.WorkingSetPeak)} | {r.Outcome} |");
            }
            _out.WriteLine();
            _out.Flush();
        }

        public void Targets(IReadOnlyList<ScenarioResult> results)
        {
            _out.WriteLine("Targets:");
            foreach (var full in results.Where(r => r.Scenario == "full" && r.Users == 3000))
                Target($"full sync <= 1.3x the floor at 3,000 users: {full.WallOverFloor:0.00}x", full.WallOverFloor <= 1.3);
            foreach (var full in results)
            {
                var naive = NaiveFor(results, full);
                if (naive == null) continue;
                double x = naive.Measured.Wall.TotalSeconds / full.Measured.Wall.TotalSeconds;
                // No tool doing this scenario's work can beat its floor, so the naive run's wall over that floor caps the speed-up.
                double cap = naive.Measured.Wall.TotalSeconds / full.Floor.TotalSeconds;
                Target($">= 5x faster than the naive way ({full.Users:N0} users, {full.Scenario}, verify {full.Verify}): {x:0.00}x " +
                    $"(the link floor of this work allows at most {cap:0.00}x)", x >= 5);
            }
            foreach (var r in results.Where(r => r.Scenario == "resync"))
                Target($"unchanged re-sync uploads 0 bytes ({r.Users:N0} users): {r.PayloadUploaded:N0} bytes of CMD_DATA payload " +
                    $"({r.Outcome})", r.PayloadUploaded == 0 && r.Ok);
            foreach (var r in results.Where(r => r.Scenario == "full" && r.Users == 10000))
                Target($"10,000 users with photos under 300 MB: managed peak {Mb(r.Measured.ManagedPeak)}, working set peak {Mb(r.Measured.WorkingSetPeak)}" +
                    $" ({r.Outcome})", r.Ok && r.Measured.ManagedPeak < 300_000_000 && r.Measured.WorkingSetPeak < 300_000_000);
            foreach (var r in results.Where(r => !r.Ok))
                Target($"{r.Users:N0} users {r.Scenario} completed: {r.Outcome}", false);
            _out.Flush();
        }

        /// <summary>The naive run the engine run <paramref name="r"/> compares with: same users, same kinds.</summary>
        private static ScenarioResult? NaiveFor(IReadOnlyList<ScenarioResult> results, ScenarioResult r)
        {
            string? naive = r.Scenario switch { "full" or "full-noverify" => "naive", "full-fp" or "full-fp-noverify" => "naive-fp", _ => null };
            return naive == null ? null : results.FirstOrDefault(n => n.Users == r.Users && n.Scenario == naive);
        }

        private void Target(string text, bool met) => _out.WriteLine($"- {(met ? "MET" : "NOT MET")}: {text}");

        private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

        private static string Mb(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

        private static string Gb(long bytes) => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB";

        private static long TotalMemory() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }
}
