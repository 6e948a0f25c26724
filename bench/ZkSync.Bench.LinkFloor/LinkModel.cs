using System;
using System.Collections.Generic;
using System.Linq;

namespace ZkSync.Bench.LinkFloor
{
    /// <summary>
    /// The emulators' link model: every request and every reply is delayed by its size ÷ throughput, and each request
    /// waits one turnaround. The floor of a link is the time its measured bytes and its unavoidable round trips take
    /// under that model; links of separate devices run in parallel, so a job's floor is the slowest link's.
    /// </summary>
    public sealed class LinkModel
    {
        public LinkModel(double latencyMs, long bytesPerSecond)
        {
            LatencyMs = latencyMs;
            BytesPerSecond = bytesPerSecond;
        }

        public double LatencyMs { get; }
        public long BytesPerSecond { get; }

        public TimeSpan Floor(LinkStats measured, LinkWork work) =>
            TimeSpan.FromSeconds((double)measured.Bytes / BytesPerSecond + work.UnavoidableRoundTrips * LatencyMs / 1000.0);

        /// <summary>The slowest of parallel links.</summary>
        public TimeSpan Floor(IEnumerable<(LinkStats Measured, LinkWork Work)> links) =>
            links.Select(l => Floor(l.Measured, l.Work)).DefaultIfEmpty(TimeSpan.Zero).Max();

        public IEnumerable<string> EmulatorArgs() => new[]
        {
            "--latency-ms", LatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bytes-per-second", BytesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
