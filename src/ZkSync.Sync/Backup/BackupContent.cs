using System.Collections.Generic;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync.Backup
{
    /// <summary>
    /// Everything in a backup, in memory: for building emulator state or inspecting small backups. Large backups are
    /// better read through <see cref="BackupFile"/>, which reads faces and photos one user at a time.
    /// </summary>
    public sealed class BackupContent
    {
        public BackupManifest Manifest { get; internal set; } = new BackupManifest();
        public ZkDeviceInfo Device { get; internal set; } = new ZkDeviceInfo();
        public List<ZkUser> Users { get; } = new List<ZkUser>();

        /// <summary>Templates with <see cref="ZkFingerprint.UserId"/> set and the backed-up device's uid.</summary>
        public List<ZkFingerprint> Fingerprints { get; } = new List<ZkFingerprint>();

        /// <summary>Face records by user id, as the device stored them.</summary>
        public Dictionary<string, IReadOnlyList<ZkFaceRecord>> Faces { get; } =
            new Dictionary<string, IReadOnlyList<ZkFaceRecord>>();

        /// <summary>Photo bytes (JPEG) by user id.</summary>
        public Dictionary<string, byte[]> Photos { get; } = new Dictionary<string, byte[]>();

        public List<ZkAttendanceRecord> Attendance { get; } = new List<ZkAttendanceRecord>();
    }
}
