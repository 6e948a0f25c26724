using System;
using System.Linq;
using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;
using ZkSync.Sync;

namespace ZkSync.Bench.Scenarios
{
    /// <summary>
    /// A sync through the engine (SyncEngine.RunAsync, default options except Verify and, for the fingerprint-only
    /// variant, Kinds): full, or unchanged re-sync.
    /// </summary>
    internal static class EngineSync
    {
        public static async Task<ScenarioResult> RunAsync(
            string scenario,
            Rig rig,
            DeviceCensus census,
            EmulatorProcess source,
            EmulatorProcess destination,
            bool verify,
            bool destinationFilled,
            bool media = true
        )
        {
            var options = new SyncOptions { Verify = verify };
            if (!media)
                options.Kinds = SyncDataKinds.Users | SyncDataKinds.Fingerprints;
            int mediaReads = media ? 2 * census.Users : 0;
            SyncReport? report = null;
            var measured = await Measurement
                .RunAsync(new[] { source, destination }, async () =>
                {
                    report = await SyncEngine
                        .RunAsync(
                            ZkClientSyncDevice.Endpoint(Rig.Connection(source)),
                            new[] { ZkClientSyncDevice.Endpoint(Rig.Connection(destination)) },
                            options
                        )
                        .ConfigureAwait(false);
                })
                .ConfigureAwait(false);

            var summary = report!.Summaries[0];
            int faces = report.Items.Count(i => i.Faces == KindOutcome.Written);
            int photos = report.Items.Count(i => i.Photos == KindOutcome.Written);
            bool wrote = summary.BytesUploaded > 0;

            var sourceWork = census.ReadTables(new LinkWork()).ReadItems(mediaReads);
            var destinationWork = new LinkWork();
            if (destinationFilled)
                census.ReadTables(destinationWork).ReadItems(mediaReads);
            if (wrote)
            {
                destinationWork
                    .Upload(census.MinUserUploads + faces + photos, summary.BytesUploaded)
                    .Stores(census.Templates, faces + photos, census.Users);
                if (verify)
                    census.ReadTables(destinationWork).ReadItems(faces + photos);
            }

            string outcome =
                $"{summary.Added} added, {summary.Updated} updated, {summary.Unchanged} unchanged, {summary.Failed} "
                    + $"failed; {faces} face sets, {photos} photos written"
                + (summary.Error == null ? "" : "; error: " + summary.Error);
            return new ScenarioResult(
                scenario,
                rig.Users,
                wrote ? (verify ? "on" : "off") : (verify ? "on (nothing written)" : "off"),
                measured,
                new[] { sourceWork, destinationWork },
                rig.Model,
                summary.BytesUploaded,
                outcome,
                summary.Succeeded,
                RunShape.Parallel(SerialPrefix(rig, census, measured, media))
            );
        }

        /// <summary>
        /// What the destination must wait for before it can be busy: the source's tables (the plan needs them), and
        /// with faces and photos the first media batch the source reads (SyncOptions.DefaultMediaBatchUsers users, at
        /// the average bytes per user the source sent).
        /// </summary>
        internal static TimeSpan SerialPrefix(Rig rig, DeviceCensus census, Measurement measured, bool media)
        {
            var tables = census.ReadTables(new LinkWork());
            long bytes = census.UserTableBytes + census.TemplateTableBytes;
            if (media && census.Users > 0)
            {
                int batch = Math.Min(SyncOptions.DefaultMediaBatchUsers, census.Users);
                long mediaBytesPerUser = Math.Max(0, measured.Links[0].BytesOut - bytes) / census.Users;
                tables.ReadItems(2 * batch);
                bytes += batch * mediaBytesPerUser;
            }
            return rig.Model.Alone(tables, bytes);
        }
    }
}
