using System;
using System.Collections.Generic;

namespace ZkSync.Sync
{
    /// <summary>
    /// Delivers results to the caller's callbacks one at a time (destinations run concurrently) and keeps them for the
    /// report. Each destination reports through its own view (<see cref="For"/>), which stamps what it delivers with
    /// that destination's <see cref="SyncEndpoint"/>, so callers match results to their endpoints by reference.
    /// </summary>
    internal sealed class ResultSink
    {
        private readonly Shared _shared;
        private readonly SyncEndpoint? _endpoint;

        public ResultSink(SyncOptions options) : this(new Shared(options), null) { }

        private ResultSink(Shared shared, SyncEndpoint? endpoint)
        {
            _shared = shared;
            _endpoint = endpoint;
        }

        public IReadOnlyList<SyncItemResult> Items
        {
            get { lock (_shared.Gate) return _shared.Items.ToArray(); }
        }

        /// <summary>The view one destination reports through.</summary>
        public ResultSink For(SyncEndpoint endpoint) => new ResultSink(_shared, endpoint);

        public void Item(SyncItemResult item, SyncSummary summary)
        {
            item.Endpoint = _endpoint;
            lock (_shared.Gate)
            {
                _shared.Items.Add(item);
                summary.Count(item);
                _shared.Options.OnItem?.Invoke(item);
            }
        }

        public void Summary(SyncSummary summary)
        {
            summary.Endpoint = _endpoint;
            lock (_shared.Gate) _shared.Options.OnSummary?.Invoke(summary);
        }

        public void Progress(string destination, string phase, int done, int total) =>
            _shared.Options.Progress?.Report(new SyncProgress(destination, phase, done, total, _endpoint));

        private sealed class Shared
        {
            public Shared(SyncOptions options) => Options = options;

            public object Gate { get; } = new object();
            public SyncOptions Options { get; }
            public List<SyncItemResult> Items { get; } = new List<SyncItemResult>();
        }
    }
}
