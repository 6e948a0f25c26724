using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace ZkSync.Emulator.Core.Link
{
    /// <summary>
    /// The device's link as one serial line shared by every connection and both directions: a request occupies it for
    /// the turnaround plus its bytes, a reply packet for its bytes (1/throughput seconds each). Occupations queue on
    /// one timeline, so two clients at once each see half the throughput, as on a terminal's single link. Both settings
    /// 0 = loopback speed (no waits at all).
    /// </summary>
    internal sealed class SerialLink
    {
        private readonly double _turnaroundSeconds;
        private readonly long _bytesPerSecond;
        private readonly double _timeScale;
        private readonly object _sync = new object();
        private long _busyUntil; // Stopwatch ticks

        /// <param name="timeScale">Every modelled cost is divided by it (a benchmark multiplies its wall time
        /// back).</param>
        public SerialLink(double turnaroundMs, long bytesPerSecond, double timeScale = 1)
        {
            _timeScale = timeScale;
            _turnaroundSeconds = turnaroundMs / 1000.0;
            _bytesPerSecond = bytesPerSecond;
        }

        public bool IsIdeal => _turnaroundSeconds <= 0 && _bytesPerSecond <= 0;

        /// <summary>Waits until a request of <paramref name="bytes"/> has crossed the link and the device has turned
        /// around.</summary>
        public Task RequestAsync(int bytes, CancellationToken ct) =>
            OccupyAsync(_turnaroundSeconds + Transfer(bytes), ct);

        /// <summary>Waits until a reply packet of <paramref name="bytes"/> has crossed the link (call before writing
        /// it).</summary>
        public Task ReplyAsync(int bytes, CancellationToken ct) => OccupyAsync(Transfer(bytes), ct);

        /// <summary>Waits while the device works on a request (timing model), on the same timeline: a terminal does one
        /// thing at a time.</summary>
        public Task DeviceBusyAsync(double seconds, CancellationToken ct) => OccupyAsync(seconds, ct);

        private double Transfer(int bytes) => _bytesPerSecond > 0 ? (double)bytes / _bytesPerSecond : 0;

        private Task OccupyAsync(double seconds, CancellationToken ct)
        {
            if (seconds <= 0) return Task.CompletedTask;
            seconds /= _timeScale;
            long target;
            lock (_sync)
            {
                long start = Math.Max(Stopwatch.GetTimestamp(), _busyUntil);
                _busyUntil = target = start + (long)Math.Ceiling(seconds * Stopwatch.Frequency);
            }
            return WaitUntilAsync(target, ct);
        }

        /// <summary>Never returns before <paramref name="target"/>, and not more than about 0.1 ms after it (see <see
        /// cref="LinkClock"/>).</summary>
        private static Task WaitUntilAsync(long target, CancellationToken ct) =>
            LinkClock.Shared.WaitUntilAsync(target, ct);
    }
}
