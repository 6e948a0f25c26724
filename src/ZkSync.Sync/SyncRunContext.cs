using System.Collections.Generic;
using System.Threading;

namespace ZkSync.Sync
{
    /// <summary>What every destination of one run shares: the source snapshot, options, media batches and the result
    /// sink.</summary>
    internal sealed class SyncRunContext
    {
        /// <summary>
        /// How many destinations hold a final read-back (their whole user and template tables) at once. Destinations
        /// of a fleet move in step and would all read back at the same moment; a few at a time bounds memory at the
        /// cost of a few seconds per wave (one bulk read each).
        /// </summary>
        internal const int ConcurrentReadBacks = 8;

        public SyncRunContext(DeviceSnapshot source, SyncOptions options, SourceMediaCache media, ResultSink sink)
            : this(source, options, media, sink, new SemaphoreSlim(ConcurrentReadBacks))
        {
        }

        private SyncRunContext(DeviceSnapshot source, SyncOptions options, SourceMediaCache media, ResultSink sink,
            SemaphoreSlim readBacks)
        {
            Source = source;
            Options = options;
            Media = media;
            Sink = sink;
            ReadBacks = readBacks;
        }

        public DeviceSnapshot Source { get; }
        public SyncOptions Options { get; }
        public SourceMediaCache Media { get; }
        public ResultSink Sink { get; }
        public IReadOnlyList<IReadOnlyList<string>> MediaBatches => Media.Batches;

        /// <summary>Slots for final read-backs, shared by every destination of the run.</summary>
        public SemaphoreSlim ReadBacks { get; }

        /// <summary>The same run as one destination sees it: its results carry <paramref name="endpoint"/>.</summary>
        public SyncRunContext For(SyncEndpoint endpoint) =>
            new SyncRunContext(Source, Options, Media, Sink.For(endpoint), ReadBacks);
    }
}
