using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;
using ZkSync.Protocol.Client;

namespace ZkSync.Bench.Scenarios
{
    /// <summary>
    /// A read-only snapshot of one device through the engine's client: users and templates by bulk read, then each
    /// user's faces and photo. Only sizes are kept, as a tool streaming them to a file would.
    /// </summary>
    internal static class Snapshot
    {
        public static async Task<ScenarioResult> RunAsync(Rig rig, DeviceCensus census, EmulatorProcess device)
        {
            int users = 0,
                templates = 0,
                faces = 0,
                photos = 0;
            long mediaBytes = 0;
            var measured = await Measurement
                .RunAsync(new[] { device }, async () =>
                {
                    using var client = await ZkDeviceClient.ConnectAsync(Rig.Connection(device)).ConfigureAwait(false);
                    var list = await client.GetUsersAsync().ConfigureAwait(false);
                    templates = (await client.GetFingerprintsAsync().ConfigureAwait(false)).Count;
                    foreach (var u in list)
                    {
                        var f = await client.GetFacesAsync(u.UserId).ConfigureAwait(false);
                        faces += f.Count;
                        mediaBytes += f.Count * Protocol.Codecs.FaceRecordCodec.RecordSize;
                        var photo = await client.GetPhotoAsync(u.UserId).ConfigureAwait(false);
                        if (photo != null)
                        {
                            photos++;
                            mediaBytes += photo.Length;
                        }
                    }
                    users = list.Count;
                    await client.CloseAsync().ConfigureAwait(false);
                })
                .ConfigureAwait(false);

            var work = census.ReadTables(new LinkWork()).ReadItems(2 * census.Users);
            string outcome =
                $"{users} users, {templates} templates, {faces} faces, {photos} photos "
                    + $"({mediaBytes / 1_000_000.0:0.0} MB of faces and photos)";
            return new ScenarioResult(
                "snapshot",
                rig.Users,
                "-",
                measured,
                new[] { work },
                rig.Model,
                0,
                outcome,
                users == census.Users
            );
        }
    }
}
