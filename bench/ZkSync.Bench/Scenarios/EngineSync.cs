using System.Linq;
using System.Threading.Tasks;
using ZkSync.Protocol.Sync;

namespace ZkSync.Bench.Scenarios
{
    /// <summary>
    /// A sync through the engine (SyncEngine.RunAsync, default options except Verify and, for the fingerprint-only
    /// variant, Kinds): full, or unchanged re-sync.
    /// </summary>
    internal static class EngineSync
    {
        public static async Task<ScenarioResult> RunAsync(string scenario, Rig rig, DeviceCensus census, EmulatorProcess source, EmulatorProcess destination, bool verify, bool destinationFilled, bool media = true)
        {
            var options = new SyncOptions { Verify = verify };
            if (!media) options.Kinds = SyncDataKinds.Users | SyncDataKinds.Fingerprints;
            int mediaReads = media ? 2 * census.Users : 0;
            SyncReport? report = null;
            var measured = await Measurement.RunAsync(new[] { source, destination }, async () =>
            {
                report = await SyncEngine.RunAsync(
                    ZkClientSyncDevice.Endpoint(Rig.Connection(source)),
                    new[] { ZkClientSyncDevice.Endpoint(Rig.Connection(destination)) },
                    options).ConfigureAwait(false);
            }).ConfigureAwait(false);

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
                destinationWork.Upload(census.MinUserUploads + faces + photos, summary.BytesUploaded).Stores(census.Templates, faces + photos, census.Users);
                if (verify) census.ReadTables(destinationWork).ReadItems(faces + photos);
            }

            string outcome = $"{summary.Added} added, {summary.Updated} updated, {summary.Unchanged} unchanged, {summary.Failed} failed; {faces} face sets, {photos} photos written"
                + (summary.Error == null ? "" : "; error: " + summary.Error);
            return new ScenarioResult(scenario, rig.Users, wrote ? (verify ? "on" : "off") : (verify ? "on (nothing written)" : "off"),
                measured, new[] { sourceWork, destinationWork }, rig.Model, summary.BytesUploaded, outcome, summary.Succeeded,
                RunShape.Parallel(rig.Model.Alone(census.ReadTables(new LinkWork()), census.UserTableBytes + census.TemplateTableBytes)));
        }
    }
}
