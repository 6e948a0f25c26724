using System.Collections.Generic;

namespace ZkSync.Sync
{
    /// <summary>What every destination of one run shares: the source snapshot, options, media batches and the result
    /// sink.</summary>
    internal sealed class SyncRunContext
    {
        public SyncRunContext(DeviceSnapshot source, SyncOptions options, SourceMediaCache media, ResultSink sink)
        {
            Source = source;
            Options = options;
            Media = media;
            Sink = sink;
        }

        public DeviceSnapshot Source { get; }
        public SyncOptions Options { get; }
        public SourceMediaCache Media { get; }
        public ResultSink Sink { get; }
        public IReadOnlyList<IReadOnlyList<string>> MediaBatches => Media.Batches;

        /// <summary>The same run as one destination sees it: its results carry <paramref name="endpoint"/>.</summary>
        public SyncRunContext For(SyncEndpoint endpoint) =>
            new SyncRunContext(Source, Options, Media, Sink.For(endpoint));
    }
}
