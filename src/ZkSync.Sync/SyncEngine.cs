using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ZkSync.Sync
{
    /// <summary>
    /// One source to many destinations: the source snapshot (users, templates) is read once and shared; each
    /// destination is snapshotted, planned, executed and verified on its own, up to <see
    /// cref="SyncOptions.ThrottleLimit"/> at a time. A destination that fails (unreachable, too small) gets a failed
    /// summary; the others go on. A whole-device sync, a copy of chosen users (<see cref="SyncOptions.UserIds"/>, no
    /// <see cref="SyncOptions.Mirror"/>) and a restore (a backup as the source) are all this one run.
    /// </summary>
    public static class SyncEngine
    {
        /// <summary>Source media batches read ahead at most (25 users each, ~1.3 MB with faces and a photo).</summary>
        private const int MaxReadAheadBatches = 8;

        /// <summary>Syncs already open devices (the caller keeps ownership).</summary>
        public static Task<SyncReport> RunAsync(
            ISyncDevice source,
            IEnumerable<ISyncDevice> destinations,
            SyncOptions options,
            CancellationToken cancellationToken = default
        ) =>
            RunAsync(
                SyncEndpoint.Of(source),
                destinations.Select(SyncEndpoint.Of).ToList(),
                options,
                cancellationToken
            );

        /// <summary>
        /// Runs the sync. Throws only when the source cannot be read, the options are invalid, or on cancellation
        /// (after every destination was re-enabled and closed); destination failures are in the report.
        /// </summary>
        public static async Task<SyncReport> RunAsync(
            SyncEndpoint source,
            IReadOnlyList<SyncEndpoint> destinations,
            SyncOptions options,
            CancellationToken cancellationToken = default
        )
        {
            if (destinations.Count == 0)
                throw new ArgumentException("Give at least one destination.", nameof(destinations));
            options.Validate();
            var device = await source.OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var start = device.Traffic;
                var snapshot = await DeviceSnapshot
                    .ReadAsync(device, options.Kinds.Has(SyncDataKinds.Fingerprints), cancellationToken)
                    .ConfigureAwait(false);
                var filter = UserIdFilter.From(options);
                var ids = snapshot.Users.Keys.Where(filter.Includes).OrderBy(id => id, StringComparer.Ordinal).ToList();
                var batches = Chunk(ids, options.MediaBatchUsers);
                using var media = new SourceMediaCache(
                    device,
                    batches,
                    window: Math.Min(2 * options.ThrottleLimit, MaxReadAheadBatches),
                    cancellationToken
                );
                var sink = new ResultSink(options);
                var run = new SyncRunContext(snapshot, options, media, sink);
                using var throttle = new SemaphoreSlim(options.ThrottleLimit, options.ThrottleLimit);
                var syncs = destinations.Select(d => new DestinationSync(run.For(d), d, throttle)).ToList();
                try
                {
                    // Each destination turns its own failures into its summary; only cancellation comes out of here.
                    await Task.WhenAll(syncs.Select(s => s.RunAsync(cancellationToken))).ConfigureAwait(false);
                }
                finally
                {
                    await media.StopAsync().ConfigureAwait(false); // no source read may outlive the run
                }
                return new SyncReport(
                    snapshot.Name,
                    syncs.Select(s => s.Summary).ToList(),
                    sink.Items,
                    device.Traffic - start
                );
            }
            finally
            {
                if (source.OwnsDevice)
                {
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    try { await device.CloseAsync(cts.Token).ConfigureAwait(false); }
                    catch (Exception) { /* the source was only read; a failed goodbye changes nothing */ }
                }
            }
        }

        private static List<IReadOnlyList<string>> Chunk(List<string> ids, int size)
        {
            var chunks = new List<IReadOnlyList<string>>();
            for (int i = 0; i < ids.Count; i += size) chunks.Add(ids.GetRange(i, Math.Min(size, ids.Count - i)));
            return chunks;
        }
    }
}
