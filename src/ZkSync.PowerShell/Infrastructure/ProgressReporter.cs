using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Client;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>
    /// Throttled Write-Progress for one activity. Only ever called on the pipeline thread; engine progress arrives on
    /// socket threads through <see cref="Sink"/> and is drained by <see cref="Pump"/> while the cmdlet waits.
    /// </summary>
    internal sealed class ProgressReporter
    {
        // Writing progress is slow on Windows PowerShell 5.1 consoles; a few updates a second are plenty.
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly Action<ProgressRecord> _write;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly int _parentId;
        private readonly Stopwatch _sinceLast = new Stopwatch();
        private readonly ConcurrentQueue<ZkTransferProgress> _pending = new ConcurrentQueue<ZkTransferProgress>();
        private int _lastPercent = -1;
        private bool _written;

        public ProgressReporter(Action<ProgressRecord> write, int activityId, string activity, int parentId = -1)
        {
            _write = write;
            _activityId = activityId;
            _activity = activity;
            _parentId = parentId;
            Sink = new Progress(_pending);
        }

        /// <summary>Hand this to the engine; it only queues.</summary>
        public IProgress<ZkTransferProgress> Sink { get; }

        /// <param name="always">Write even within the throttle interval (a few updates that each matter, e.g.
        /// destinations done).</param>
        public void Report(string status, long done, long total, bool always = false)
        {
            int percent = total > 0 ? (int)Math.Min(100, done * 100 / total) : -1;
            bool due = !_written || always || percent != _lastPercent && _sinceLast.Elapsed >= Interval;
            if (!due) return;
            var record = new ProgressRecord(_activityId, _activity, string.IsNullOrEmpty(status) ? _activity : status)
            {
                PercentComplete = percent,
                ParentActivityId = _parentId,
            };
            _write(record);
            _written = true;
            _lastPercent = percent;
            _sinceLast.Restart();
        }

        /// <summary>Writes what the engine reported since the last call (the newest value only).</summary>
        public void Pump()
        {
            ZkTransferProgress? latest = null;
            while (_pending.TryDequeue(out ZkTransferProgress item)) latest = item;
            if (latest.HasValue) Report(latest.Value.Activity, latest.Value.Done, latest.Value.Total);
        }

        /// <summary>Always closes the bar, even when nothing was reported, so hosts never keep a stale one.</summary>
        public void Complete()
        {
            Pump();
            _write(new ProgressRecord(_activityId, _activity, "Completed")
            {
                RecordType = ProgressRecordType.Completed,
                ParentActivityId = _parentId,
            });
        }

        private sealed class Progress : IProgress<ZkTransferProgress>
        {
            private readonly ConcurrentQueue<ZkTransferProgress> _queue;
            public Progress(ConcurrentQueue<ZkTransferProgress> queue) => _queue = queue;
            public void Report(ZkTransferProgress value) => _queue.Enqueue(value);
        }
    }
}
