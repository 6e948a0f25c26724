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

        /// <summary>An endpoint that connects on demand and closes the session when the engine is done with
        /// it.</summary>
        public static SyncEndpoint Endpoint(ZkConnectionOptions options) =>
            new SyncEndpoint(
                options.Endpoint,
                async cancellationToken => new ZkClientSyncDevice(
                    await ZkDeviceClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false),
                    ownsClient: true
                ),
                ownsDevice: true
            );

        public Task<ZkDeviceInfo> GetDeviceInfoAsync(CancellationToken cancellationToken) =>
            Client.GetDeviceInfoAsync(cancellationToken);

        public Task<ZkDeviceCounts> GetCountsAsync(CancellationToken cancellationToken) =>
            Client.GetCountsAsync(cancellationToken);

        public Task<IReadOnlyList<ZkUser>> GetUsersAsync(CancellationToken cancellationToken) =>
            Client.GetUsersAsync(cancellationToken);

        public Task<IReadOnlyList<ZkFingerprint>> GetFingerprintsAsync(CancellationToken cancellationToken) =>
            Client.GetFingerprintsAsync(cancellationToken);

        public Task<IReadOnlyList<ZkFaceRecord>> GetFacesAsync(string userId, CancellationToken cancellationToken) =>
            Client.GetFacesAsync(userId, cancellationToken);

        public Task<byte[]?> GetPhotoAsync(string userId, CancellationToken cancellationToken) =>
            Client.GetPhotoAsync(userId, cancellationToken);

        public Task<IReadOnlyList<ZkAttendanceRecord>> GetAttendanceAsync(CancellationToken cancellationToken) =>
            Client.GetAttendanceAsync(cancellationToken);

        public Task<IReadOnlyList<UserWriteResult>> WriteUsersAsync(
            IReadOnlyList<UserWithFingerprints> users,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        ) => Client.WriteUsersAsync(users, check, null, cancellationToken);

        public Task<bool> DeleteFingerprintAsync(string userId, int finger, CancellationToken cancellationToken) =>
            Client.DeleteFingerprintAsync(userId, finger, cancellationToken);

        public Task WriteFacesAsync(
            string userId,
            IReadOnlyList<ZkFaceRecord> faces,
            bool exact,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        ) => Client.WriteFacesAsync(userId, faces, exact, check, cancellationToken);

        public Task DeleteFacesAsync(string userId, CancellationToken cancellationToken) =>
            Client.DeleteFacesAsync(userId, cancellationToken);

        public Task SetPhotoAsync(
            string userId,
            byte[] jpeg,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        ) => Client.SetPhotoAsync(userId, jpeg, check, cancellationToken);

        public Task<bool> DeletePhotoAsync(string userId, CancellationToken cancellationToken) =>
            Client.DeletePhotoAsync(userId, cancellationToken);

        public Task<bool> DeleteUserAsync(string userId, CancellationToken cancellationToken) =>
            Client.DeleteUserAsync(userId, cancellationToken);

        public Task DisableAsync(CancellationToken cancellationToken) => Client.DisableAsync(cancellationToken);

        public Task EnableAsync(CancellationToken cancellationToken) => Client.EnableAsync(cancellationToken);

        /// <summary>Disposes an owned client without the CMD_EXIT goodbye (prefer <see cref="CloseAsync"/>).</summary>
        public void Dispose()
        {
            if (_ownsClient) Client.Dispose();
        }

        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            if (!_ownsClient) return;
            try
            {
                await Client.CloseAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Client.Dispose();
            }
        }
    }
}
