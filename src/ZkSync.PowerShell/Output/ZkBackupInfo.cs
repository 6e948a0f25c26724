using System;
using ZkSync.Sync.Backup;

namespace ZkSync.PowerShell
{
    /// <summary>A backup file written by Export-ZkDevice: where it is, what it holds, whether it is
    /// encrypted.</summary>
    public sealed class ZkBackupInfo
    {
        internal ZkBackupInfo(
            string path,
            long length,
            bool encrypted,
            string device,
            string serialNumber,
            BackupManifest manifest
        )
        {
            Path = path;
            Name = System.IO.Path.GetFileName(path);
            Length = length;
            Encrypted = encrypted;
            Device = device;
            SerialNumber = serialNumber;
            CreatedUtc = manifest.CreatedUtc;
            Users = manifest.Counts.Users;
            Fingerprints = manifest.Counts.Fingerprints;
            UsersWithFaces = manifest.Counts.UsersWithFaces;
            FaceRecords = manifest.Counts.FaceRecords;
            Photos = manifest.Counts.Photos;
            Attendance = manifest.Counts.Attendance;
        }

        /// <summary>Full path of the file (FileInfo's FullName).</summary>
        public string Path { get; }

        public string Name { get; }

        /// <summary>Size in bytes.</summary>
        public long Length { get; }

        public bool Encrypted { get; }

        /// <summary>"host:port" of the device backed up.</summary>
        public string Device { get; }

        public string SerialNumber { get; }
        public DateTime CreatedUtc { get; }
        public int Users { get; }
        public int Fingerprints { get; }
        public int UsersWithFaces { get; }
        public int FaceRecords { get; }
        public int Photos { get; }
        public int Attendance { get; }

        public override string ToString() => Path;
    }
}
