using System.Linq;
using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;
using ZkSync.Protocol.Client;

namespace ZkSync.Bench.Scenarios
{
    /// <summary>
    /// The full sync as most scripts do it, through the same client: read users and templates in bulk, then one user
    /// at a time set the user, upload its templates (a one-user batch), copy its faces, copy its photo. No disable, no
    /// verification, nothing clever. The fingerprint-only variant leaves faces and photos out.
    /// </summary>
    internal static class NaiveSync
    {
        public static async Task<ScenarioResult> RunAsync(
            string scenario,
            Rig rig,
            DeviceCensus census,
            EmulatorProcess source,
            EmulatorProcess destination,
            bool media = true
        )
        {
            int users = 0,
                faces = 0,
                photos = 0;
            long uploaded = 0;
            var measured = await Measurement
                .RunAsync(new[] { source, destination }, async () =>
                {
                    using var src = await ZkDeviceClient.ConnectAsync(Rig.Connection(source)).ConfigureAwait(false);
                    using var dst = await ZkDeviceClient
                        .ConnectAsync(Rig.Connection(destination))
                        .ConfigureAwait(false);
                    var list = await src.GetUsersAsync().ConfigureAwait(false);
                    var fingers = (await src.GetFingerprintsAsync().ConfigureAwait(false)).ToLookup(f => f.UserId);
                    foreach (var user in list)
                    {
                        await dst.SetUserAsync(user).ConfigureAwait(false);
                        var templates = fingers[user.UserId].ToList();
                        if (templates.Count > 0)
                            await dst.WriteUsersAsync(new[] { new UserWithFingerprints(user, templates) })
                                .ConfigureAwait(false);
                        users++;
                        if (!media)
                            continue;
                        var f = await src.GetFacesAsync(user.UserId).ConfigureAwait(false);
                        if (f.Count > 0)
                        {
                            await dst.WriteFacesAsync(user.UserId, f).ConfigureAwait(false);
                            faces++;
                        }
                        var photo = await src.GetPhotoAsync(user.UserId).ConfigureAwait(false);
                        if (photo != null)
                        {
                            await dst.SetPhotoAsync(user.UserId, photo).ConfigureAwait(false);
                            photos++;
                        }
                    }
                    uploaded = dst.Traffic.UploadedBytes;
                    await src.CloseAsync().ConfigureAwait(false);
                    await dst.CloseAsync().ConfigureAwait(false);
                })
                .ConfigureAwait(false);

            // The job's least work is the engine's without verification: same data, same uploads.
            var sourceWork = census.ReadTables(new LinkWork()).ReadItems(media ? 2 * census.Users : 0);
            var destinationWork = new LinkWork()
                .Upload(census.MinUserUploads + faces + photos, uploaded)
                .Stores(census.Templates, faces + photos, census.Users);
            string outcome = $"{users} users copied one at a time; {faces} face sets, {photos} photos written";
            return new ScenarioResult(
                scenario,
                rig.Users,
                "off",
                measured,
                new[] { sourceWork, destinationWork },
                rig.Model,
                uploaded,
                outcome,
                users == census.Users,
                RunShape.OneAtATime
            );
        }
    }
}
