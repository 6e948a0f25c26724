using System;
using System.Collections.Generic;

namespace ZkSync.Sync
{
    /// <summary>Delivers results to the caller's callbacks one at a time (destinations run concurrently) and keeps them for the report.</summary>
    internal sealed class ResultSink
    {
        private readonly object _gate = new object();
        private readonly SyncOptions _options;
        private readonly List<SyncItemResult> _items = new List<SyncItemResult>();

        public ResultSink(SyncOptions options) => _options = options;

        public IReadOnlyList<SyncItemResult> Items
        {
            get { lock (_gate) return _items.ToArray(); }
        }

        public void Item(SyncItemResult item, SyncSummary summary)
        {
            lock (_gate)
            {
                _items.Add(item);
                summary.Count(item);
                _options.OnItem?.Invoke(item);
            }
        }

        public void Summary(SyncSummary summary)
        {
            lock (_gate) _options.OnSummary?.Invoke(summary);
        }

        public void Progress(string destination, string phase, int done, int total) =>
            _options.Progress?.Report(new SyncProgress(destination, phase, done, total));
    }
}
