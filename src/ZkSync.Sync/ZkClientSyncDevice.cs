using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary><see cref="ISyncDevice"/> over a live <see cref="ZkDeviceClient"/> session.</summary>
    public sealed class ZkClientSyncDevice : ISyncDevice, System.IDisposable
    {
        private readonly bool _ownsClient;

        /// <param name="ownsClient">True: <see cref="CloseAsync"/> ends the session and disposes the client.</param>
        public ZkClientSyncDevice(ZkDeviceClient client, bool ownsClient = false)
        {
            Client = client;
            _ownsClient = ownsClient;
            TextEncoding = TextField.GetEncoding(client.Options.Encoding);
        }

        public ZkDeviceClient Client { get; }

        public string Name => Client.Device;
        public ZkCapabilities Capabilities => Client.Capabilities;
        public Encoding TextEncoding { get; }
        public SyncTraffic Traffic => SyncTraffic.From(Client.Traffic);

        /// <summary>An endpoint that connects on demand and closes the session when the engine is done with it.</summary>
        public static SyncEndpoint Endpoint(ZkConnectionOptions options) =>
            new SyncEndpoint(options.Endpoint, async ct => new ZkClientSyncDevice(await ZkDeviceClient.ConnectAsync(options, ct).ConfigureAwait(false), ownsClient: true), ownsDevice: true);

        public Task<ZkDeviceInfo> GetDeviceInfoAsync(CancellationToken ct) => Client.GetDeviceInfoAsync(ct);
        public Task<ZkDeviceCounts> GetCountsAsync(CancellationToken ct) => Client.GetCountsAsync(ct);
        public Task<IReadOnlyList<ZkUser>> GetUsersAsync(CancellationToken ct) => Client.GetUsersAsync(ct);
        public Task<IReadOnlyList<ZkFingerprint>> GetFingerprintsAsync(CancellationToken ct) => Client.GetFingerprintsAsync(ct);
        public Task<IReadOnlyList<ZkFaceRecord>> GetFacesAsync(string userId, CancellationToken ct) => Client.GetFacesAsync(userId, ct);
        public Task<byte[]?> GetPhotoAsync(string userId, CancellationToken ct) => Client.GetPhotoAsync(userId, ct);
        public Task<IReadOnlyList<ZkAttendanceRecord>> GetAttendanceAsync(CancellationToken ct) => Client.GetAttendanceAsync(ct);

        public Task<IReadOnlyList<UserWriteResult>> WriteUsersAsync(IReadOnlyList<UserWithFingerprints> users, CancellationToken ct) =>
            Client.WriteUsersAsync(users, null, ct);

        public Task<bool> DeleteFingerprintAsync(string userId, int finger, CancellationToken ct) => Client.DeleteFingerprintAsync(userId, finger, ct);
        public Task WriteFacesAsync(string userId, IReadOnlyList<ZkFaceRecord> faces, bool exact, CancellationToken ct) => Client.WriteFacesAsync(userId, faces, exact, ct);
        public Task DeleteFacesAsync(string userId, CancellationToken ct) => Client.DeleteFacesAsync(userId, ct);
        public Task SetPhotoAsync(string userId, byte[] jpeg, CancellationToken ct) => Client.SetPhotoAsync(userId, jpeg, ct);
        public Task<bool> DeletePhotoAsync(string userId, CancellationToken ct) => Client.DeletePhotoAsync(userId, ct);
        public Task<bool> DeleteUserAsync(string userId, CancellationToken ct) => Client.DeleteUserAsync(userId, ct);
        public Task DisableAsync(CancellationToken ct) => Client.DisableAsync(ct);
        public Task EnableAsync(CancellationToken ct) => Client.EnableAsync(ct);

        /// <summary>Disposes an owned client without the CMD_EXIT goodbye (prefer <see cref="CloseAsync"/>).</summary>
        public void Dispose()
        {
            if (_ownsClient) Client.Dispose();
        }

        public async Task CloseAsync(CancellationToken ct)
        {
            if (!_ownsClient) return;
            try
            {
                await Client.CloseAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                Client.Dispose();
            }
        }
    }
}
