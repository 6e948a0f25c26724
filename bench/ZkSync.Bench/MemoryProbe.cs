using System;
using System.Diagnostics;
using System.Threading;

namespace ZkSync.Bench
{
    /// <summary>
    /// Peak memory of this (the engine's) process while a scenario runs: managed heap (GC.GetTotalMemory, plus the
    /// GC's own record of the heap before each collection) and working set, sampled every 20 ms on a dedicated thread.
    /// </summary>
    internal sealed class MemoryProbe : IDisposable
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
        private readonly Thread _thread;
        private readonly Process _self = Process.GetCurrentProcess();
        private volatile bool _stop;
        private readonly long _startGc;
        private long _managedPeak, _workingSetPeak;

        private MemoryProbe()
        {
            // Start from a clean heap so one scenario's garbage is not charged to the next.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            _startGc = GC.GetGCMemoryInfo(GCKind.Any).Index;
            Sample();
            _thread = new Thread(Run) { IsBackground = true, Name = "memory probe" };
            _thread.Start();
        }

        public static MemoryProbe Start() => new MemoryProbe();

        public long ManagedPeak => Interlocked.Read(ref _managedPeak);
        public long WorkingSetPeak => Interlocked.Read(ref _workingSetPeak);

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
            Sample();
        }

        private void Run()
        {
            while (!_stop)
            {
                Thread.Sleep(Interval);
                Sample();
            }
        }

        private void Sample()
        {
            long managed = GC.GetTotalMemory(false);
            // The heap size the GC saw before its last collection catches peaks between two samples.
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            long beforeGc = 0;
            if (info.Index > _startGc)
                foreach (var g in info.GenerationInfo) beforeGc += g.SizeBeforeBytes;
            Max(ref _managedPeak, Math.Max(managed, beforeGc));
            _self.Refresh();
            Max(ref _workingSetPeak, _self.WorkingSet64);
        }

        private static void Max(ref long field, long value)
        {
            long seen;
            while (
                value > (seen = Interlocked.Read(ref field))
                && Interlocked.CompareExchange(ref field, value, seen) != seen
            ) { }
        }
    }
}
