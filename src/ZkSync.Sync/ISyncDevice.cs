using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// What the sync engine needs from a device: bulk reads, per-user face and photo access, batched writes and
    /// disable/enable. Implemented over <see cref="ZkDeviceClient"/> (<see cref="ZkClientSyncDevice"/>), over a backup
    /// file (read-only) and by in-memory fakes in tests. Calls are made one at a time per device.
    /// </summary>
    public interface ISyncDevice
    {
        /// <summary>How the device is named in results ("host:port/tcp", a backup file name).</summary>
        string Name { get; }

        ZkCapabilities Capabilities { get; }

        /// <summary>Encoding of names and passwords on this device (for byte-exact field fitting).</summary>
        Encoding TextEncoding { get; }

        SyncTraffic Traffic { get; }

        Task<ZkDeviceInfo> GetDeviceInfoAsync(CancellationToken cancellationToken);
        Task<ZkDeviceCounts> GetCountsAsync(CancellationToken cancellationToken);
        Task<IReadOnlyList<ZkUser>> GetUsersAsync(CancellationToken cancellationToken);

        /// <summary>All templates; <see cref="ZkFingerprint.UserId"/> may be empty, then the uid maps it through the
        /// user table.</summary>
        Task<IReadOnlyList<ZkFingerprint>> GetFingerprintsAsync(CancellationToken cancellationToken);

        /// <summary>The user's face records; empty when the user has none.</summary>
        Task<IReadOnlyList<ZkFaceRecord>> GetFacesAsync(string userId, CancellationToken cancellationToken);

        /// <summary>The user's photo, or null.</summary>
        Task<byte[]?> GetPhotoAsync(string userId, CancellationToken cancellationToken);

        Task<IReadOnlyList<ZkAttendanceRecord>> GetAttendanceAsync(CancellationToken cancellationToken);

        /// <summary>
        /// One batch upload of users with templates (<paramref name="check"/>: how each upload is checked, per call).
        /// Each listed template is added or overwritten (by finger); templates not listed are left alone, so an empty
        /// list writes only the user record.
        /// </summary>
        Task<IReadOnlyList<UserWriteResult>> WriteUsersAsync(
            IReadOnlyList<UserWithFingerprints> users,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        );

        Task<bool> DeleteFingerprintAsync(string userId, int finger, CancellationToken cancellationToken);

        /// <summary>Writes face records; <paramref name="exact"/> deletes the user's faces first, otherwise the device
        /// merges by FaceID.</summary>
        Task WriteFacesAsync(
            string userId,
            IReadOnlyList<ZkFaceRecord> faces,
            bool exact,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        );

        Task DeleteFacesAsync(string userId, CancellationToken cancellationToken);
        Task SetPhotoAsync(string userId, byte[] jpeg, ZkUploadCheck check, CancellationToken cancellationToken);
        Task<bool> DeletePhotoAsync(string userId, CancellationToken cancellationToken);

        /// <summary>Deletes the user; the device also deletes its fingerprints, faces and photo.</summary>
        Task<bool> DeleteUserAsync(string userId, CancellationToken cancellationToken);

        Task DisableAsync(CancellationToken cancellationToken);
        Task EnableAsync(CancellationToken cancellationToken);

        /// <summary>Ends the session (CMD_EXIT) or releases the file.</summary>
        Task CloseAsync(CancellationToken cancellationToken);
    }
}
