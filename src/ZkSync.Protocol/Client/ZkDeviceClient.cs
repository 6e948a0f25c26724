using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Client
{
    /// <summary>
    /// One open session with one device. All calls are async, take a CancellationToken, and run one command at a time
    /// on the connection. Identity across devices is the user id; uids are device-local and chosen here on writes.
    /// CONTRACT SKELETON: bodies are filled in by the engine work (issue 2/3).
    /// </summary>
    public sealed partial class ZkDeviceClient : IDisposable
    {
        /// <summary>Opens the transport, connects, authenticates with the comm key and reads capabilities.</summary>
        public static Task<ZkDeviceClient> ConnectAsync(ZkConnectionOptions options, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public ZkConnectionOptions Options => throw new NotImplementedException();

        /// <summary>"host:port/tcp" or "host:port/udp".</summary>
        public string Device => throw new NotImplementedException();

        public bool IsConnected => throw new NotImplementedException();

        /// <summary>Read once at connect.</summary>
        public ZkCapabilities Capabilities => throw new NotImplementedException();

        public ZkTrafficCounters Traffic => throw new NotImplementedException();

        // Device
        public Task<ZkDeviceInfo> GetDeviceInfoAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<ZkDeviceCounts> GetCountsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<DateTime> GetTimeAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task SetTimeAsync(DateTime time, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task DisableAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task EnableAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task RefreshDataAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task RestartAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

        // Users
        public Task<IReadOnlyList<ZkUser>> GetUsersAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Creates or updates the user with <see cref="ZkUser.UserId"/>; picks a free uid for a new one.</summary>
        public Task<UserWriteResult> SetUserAsync(ZkUser user, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Deletes a user (and, on the device, its fingerprints, faces and photo). False when no such user.</summary>
        public Task<bool> DeleteUserAsync(string userId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        // Fingerprints
        public Task<IReadOnlyList<ZkFingerprint>> GetFingerprintsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<ZkFingerprint?> GetFingerprintAsync(string userId, int finger, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Writes users with their templates in one bulk upload (command 110). Uids are resolved on this device.</summary>
        public Task<IReadOnlyList<UserWriteResult>> WriteUsersAsync(IReadOnlyList<UserWithFingerprints> users, IProgress<ZkTransferProgress>? progress = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task<bool> DeleteFingerprintAsync(string userId, int finger, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<int> DeleteFingerprintsAsync(string userId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        // Attendance
        public Task<IReadOnlyList<ZkAttendanceRecord>> GetAttendanceAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task ClearAttendanceAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

        // Faces (issue 3)
        public Task<IReadOnlyList<ZkFaceRecord>> GetFacesAsync(string userId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Writes face records to a user; with <paramref name="exact"/> deletes the user's faces first (the device merges by FaceID).</summary>
        public Task WriteFacesAsync(string userId, IReadOnlyList<ZkFaceRecord> faces, bool exact = true, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public Task DeleteFacesAsync(string userId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        // Photos (issue 3)
        /// <summary>The user's JPEG, or null when the user has no photo.</summary>
        public Task<byte[]?> GetPhotoAsync(string userId, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task SetPhotoAsync(string userId, byte[] jpeg, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        public Task<bool> DeletePhotoAsync(string userId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Sends CMD_EXIT so the device frees the session slot, then closes the transport.</summary>
        public Task CloseAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
