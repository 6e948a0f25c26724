using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;
using ZkSync.Sync;

namespace ZkSync.Sync.Backup
{
    /// <summary>
    /// A backup as a read-only sync source: importing a backup is a sync from it. Capabilities are those of the device
    /// the backup came from, so algorithm and support checks apply exactly as between two devices.
    /// </summary>
    public sealed class BackupSyncDevice : ISyncDevice
    {
        private readonly bool _ownsFile;

        public BackupSyncDevice(BackupFile file, bool ownsFile)
        {
            File = file;
            _ownsFile = ownsFile;
        }

        public BackupFile File { get; }
        public string Name => "backup:" + System.IO.Path.GetFileName(File.Path);
        public ZkCapabilities Capabilities => File.Device.Capabilities;

        /// <summary>Names are stored as text in JSON; the destination's encoding decides how they fit.</summary>
        public Encoding TextEncoding => Encoding.UTF8;

        public SyncTraffic Traffic => default;

        public Task<ZkDeviceInfo> GetDeviceInfoAsync(CancellationToken cancellationToken) =>
            Task.FromResult(File.Device);

        public Task<ZkDeviceCounts> GetCountsAsync(CancellationToken cancellationToken) =>
            Task.FromResult(
                new ZkDeviceCounts
                {
                    Users = File.Users.Count,
                    Fingerprints = File.Fingerprints.Count,
                    HasFaceFields = Capabilities.FaceSupported,
                    UsersWithFaces = File.Manifest.Counts.UsersWithFaces,
                    Records = File.Manifest.Counts.Attendance,
                }
            );

        public Task<IReadOnlyList<ZkUser>> GetUsersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ZkUser>>(File.Users.Select(u => u.Clone()).ToList());

        public Task<IReadOnlyList<ZkFingerprint>> GetFingerprintsAsync(CancellationToken cancellationToken) =>
            Task.FromResult(File.Fingerprints);

        public Task<IReadOnlyList<ZkFaceRecord>> GetFacesAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult(File.GetFaces(userId));

        public Task<byte[]?> GetPhotoAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult(File.GetPhoto(userId));

        public Task<IReadOnlyList<ZkAttendanceRecord>> GetAttendanceAsync(CancellationToken cancellationToken) =>
            Task.FromResult(File.GetAttendance());

        public Task<IReadOnlyList<UserWriteResult>> WriteUsersAsync(
            IReadOnlyList<UserWithFingerprints> users,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        ) => throw ReadOnly();

        public Task<bool> DeleteFingerprintAsync(string userId, int finger, CancellationToken cancellationToken) =>
            throw ReadOnly();

        public Task WriteFacesAsync(
            string userId,
            IReadOnlyList<ZkFaceRecord> faces,
            bool exact,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        ) => throw ReadOnly();

        public Task DeleteFacesAsync(string userId, CancellationToken cancellationToken) => throw ReadOnly();

        public Task SetPhotoAsync(
            string userId,
            byte[] jpeg,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        ) => throw ReadOnly();

        public Task<bool> DeletePhotoAsync(string userId, CancellationToken cancellationToken) => throw ReadOnly();

        public Task<bool> DeleteUserAsync(string userId, CancellationToken cancellationToken) => throw ReadOnly();

        public Task DisableAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task EnableAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CloseAsync(CancellationToken cancellationToken)
        {
            if (_ownsFile)
                File.Dispose();
            return Task.CompletedTask;
        }

        private ZkNotSupportedException ReadOnly() =>
            new ZkNotSupportedException("A backup file is read-only; restore it by syncing from it to a device.", Name);
    }
}
