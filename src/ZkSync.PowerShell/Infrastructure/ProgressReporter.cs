using System;
using System.Diagnostics;
using System.Management.Automation;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>
    /// Throttled Write-Progress for one activity. Only ever called on the pipeline thread: engine progress reaches it
    /// through the command's <see cref="PipelinePump"/> (<see cref="PostedProgress{T}"/>).
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
        private int _lastPercent = -1;
        private bool _written;

        public ProgressReporter(Action<ProgressRecord> write, int activityId, string activity, int parentId = -1)
        {
            _write = write;
            _activityId = activityId;
            _activity = activity;
            _parentId = parentId;
        }

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

        /// <summary>Always closes the bar, even when nothing was reported, so hosts never keep a stale one.</summary>
        public void Complete()
        {
            _write(new ProgressRecord(_activityId, _activity, "Completed")
            {
                RecordType = ProgressRecordType.Completed,
                ParentActivityId = _parentId,
            });
        }
    }
}
