using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace ZkSync.Emulator.Core.Link
{
    /// <summary>
    /// Completes waits at Stopwatch deadlines within about 0.1 ms. Task.Delay rides the runtime's timer queue, which on
    /// Linux fires up to ~2 ms late: a 2 ms turnaround took 4 ms, so the link model charged every request twice its
    /// turnaround. One background thread sleeps in the kernel (about 0.15 ms late) to just under the earliest deadline
    /// and spins the last fraction of a millisecond.
    /// </summary>
    [SuppressMessage(
        "Design",
        "CA1001",
        Justification = "One instance (Shared) for the process lifetime; its thread and event live as long as the "
            + "process."
    )]
    internal sealed class LinkClock
    {
        public static readonly LinkClock Shared = new LinkClock();

        private readonly object _gate = new object();
        private readonly List<Waiter> _waiters = new List<Waiter>();
        private readonly AutoResetEvent _changed = new AutoResetEvent(false);

        private LinkClock()
        {
            new Thread(Run) { IsBackground = true, Name = "emulator link clock" }.Start();
        }

        /// <summary>Completes at or after <paramref name="deadline"/> (Stopwatch ticks), or cancelled.</summary>
        public Task WaitUntilAsync(long deadline, CancellationToken ct)
        {
            if (deadline <= Stopwatch.GetTimestamp())
                return Task.CompletedTask;
            var waiter = new Waiter(deadline);
            lock (_gate)
                _waiters.Add(waiter);
            _changed.Set();
            if (!ct.CanBeCanceled)
                return waiter.Done.Task;
            var registration = ct.Register(() => waiter.Done.TrySetCanceled(ct));
            waiter.Done.Task.ContinueWith(
                _ => registration.Dispose(),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default
            );
            return waiter.Done.Task;
        }

        private void Run()
        {
            while (true)
            {
                long now = Stopwatch.GetTimestamp(), next = long.MaxValue;
                lock (_gate)
                {
                    for (int i = _waiters.Count - 1; i >= 0; i--)
                    {
                        var w = _waiters[i];
                        if (w.Deadline <= now || w.Done.Task.IsCompleted)
                        {
                            w.Done.TrySetResult(true);
                            _waiters.RemoveAt(i);
                        }
                        else next = Math.Min(next, w.Deadline);
                    }
                }
                if (next == long.MaxValue)
                {
                    _changed.WaitOne();
                    continue;
                }
                double ms = (next - now) * 1000.0 / Stopwatch.Frequency;
                if (ms >= 1) _changed.WaitOne((int)ms); // wakes early when a nearer deadline arrives
                else Thread.SpinWait(50);
            }
        }

        private sealed class Waiter
        {
            public Waiter(long deadline) => Deadline = deadline;

            public long Deadline { get; }
            public TaskCompletionSource<bool> Done { get; } =
                new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
