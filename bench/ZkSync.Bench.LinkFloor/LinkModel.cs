using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ZkSync.Emulator.Core;

namespace ZkSync.Bench.LinkFloor
{
    /// <summary>
    /// The emulators' link model: every request and every reply is delayed by its size ÷ throughput, and each request
    /// waits one turnaround; with a device timing model each request also costs its device time (DeviceTimingModel).
    /// The floor of a link is the time its measured bytes, its unavoidable round trips and their device time take under
    /// that model; links of separate devices run in parallel, so a job's floor is the slowest link's. With a time scale
    /// the emulators divide every modelled time by it and <see cref="Modelled"/> multiplies measured wall time back.
    /// </summary>
    public sealed class LinkModel
    {
        public LinkModel(
            double latencyMs,
            long bytesPerSecond,
            DeviceTimingMode deviceTiming = DeviceTimingMode.None,
            double timeScale = 1
        )
        {
            LatencyMs = latencyMs;
            BytesPerSecond = bytesPerSecond;
            DeviceTiming = deviceTiming;
            TimeScale = timeScale;
        }

        public double LatencyMs { get; }
        public long BytesPerSecond { get; }
        public DeviceTimingMode DeviceTiming { get; }
        public double TimeScale { get; }

        /// <summary>Wall time as the modelled devices would see it (measured × time scale).</summary>
        public TimeSpan Modelled(TimeSpan measured) => TimeSpan.FromTicks((long)(measured.Ticks * TimeScale));

        /// <summary>
        /// How long the modelled link and device were busy with what was measured: the device time the emulator
        /// charged, every byte at the throughput and every answered request's turnaround. Exact under the model and
        /// independent of the clock (so of the time scale and of the machine's load).
        /// </summary>
        public TimeSpan Busy(LinkStats measured) =>
            TimeSpan.FromSeconds(
                measured.DeviceSeconds
                    + (double)measured.Bytes / BytesPerSecond
                    + measured.RoundTrips * LatencyMs / 1000.0
            );

        /// <summary>The time a link needs for <paramref name="work"/> alone (bytes given), e.g. the source tables a
        /// plan waits for.</summary>
        public TimeSpan Alone(LinkWork work, long bytes) =>
            TimeSpan.FromSeconds(
                (double)bytes / BytesPerSecond
                    + work.UnavoidableRoundTrips * LatencyMs / 1000.0
                    + work.DeviceSeconds(DeviceTiming)
            );

        public TimeSpan Floor(LinkStats measured, LinkWork work) =>
            TimeSpan.FromSeconds(
                (double)measured.Bytes / BytesPerSecond
                    + work.UnavoidableRoundTrips * LatencyMs / 1000.0
                    + work.DeviceSeconds(DeviceTiming)
            );

        /// <summary>The slowest of parallel links.</summary>
        public TimeSpan Floor(IEnumerable<(LinkStats Measured, LinkWork Work)> links) =>
            links.Select(l => Floor(l.Measured, l.Work)).DefaultIfEmpty(TimeSpan.Zero).Max();

        public IEnumerable<string> EmulatorArgs()
        {
            yield return "--latency-ms";
            yield return LatencyMs.ToString(CultureInfo.InvariantCulture);
            yield return "--bytes-per-second";
            yield return BytesPerSecond.ToString(CultureInfo.InvariantCulture);
            if (DeviceTiming == DeviceTimingMode.None) yield break;
            yield return "--device-timing";
            yield return DeviceTiming.ToString().ToLowerInvariant();
            yield return "--time-scale";
            yield return TimeScale.ToString(CultureInfo.InvariantCulture);
        }

        public string Describe() =>
            $"{LatencyMs.ToString(CultureInfo.InvariantCulture)} ms turnaround, {BytesPerSecond:N0} bytes/s per "
                + "device link"
            + (
                DeviceTiming == DeviceTimingMode.None
                    ? ", no device timing"
                    : $", device timing '{DeviceTiming.ToString().ToLowerInvariant()}', time scale "
                        + $"{TimeScale.ToString(CultureInfo.InvariantCulture)} (every modelled time ÷ "
                            + $"{TimeScale.ToString(CultureInfo.InvariantCulture)} in the emulators; wall times below "
                                + $"are measured × {TimeScale.ToString(CultureInfo.InvariantCulture)})"
            );
    }
}
