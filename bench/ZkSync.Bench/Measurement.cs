using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;

namespace ZkSync.Bench
{
    /// <summary>Wall time, per-link counters and this process's peak memory of one scenario run.</summary>
    internal sealed class Measurement
    {
        public TimeSpan Wall { get; private set; }
        public IReadOnlyList<LinkStats> Links { get; private set; } = Array.Empty<LinkStats>();
        public long ManagedPeak { get; private set; }
        public long WorkingSetPeak { get; private set; }

        /// <summary>Resets the emulators' counters, runs <paramref name="body"/>, reads the counters (same order as
        /// given).</summary>
        public static async Task<Measurement> RunAsync(IReadOnlyList<EmulatorProcess> links, Func<Task> body)
        {
            foreach (var l in links) await l.ResetStatsAsync().ConfigureAwait(false);
            var m = new Measurement();
            var probe = MemoryProbe.Start();
            try
            {
                var clock = Stopwatch.StartNew();
                await body().ConfigureAwait(false);
                m.Wall = clock.Elapsed;
            }
            finally
            {
                probe.Dispose();
            }
            m.ManagedPeak = probe.ManagedPeak;
            m.WorkingSetPeak = probe.WorkingSetPeak;
            var stats = new List<LinkStats>();
            foreach (var l in links) stats.Add(await l.StatsAsync().ConfigureAwait(false));
            m.Links = stats;
            return m;
        }
    }
}
