using System;
using ZkSync.Sync;

namespace ZkSync.Sync.Backup
{
    /// <summary>How a backup is written.</summary>
    public sealed class BackupOptions
    {
        /// <summary>Encrypts the file (AES-256-CBC + HMAC-SHA256, PBKDF2 keys). Null = a plain ZIP.</summary>
        public string? Password { get; set; }

        /// <summary>PBKDF2-HMAC-SHA256 iterations; at least 200,000.</summary>
        public int Iterations { get; set; } = BackupCrypto.DefaultIterations;

        public bool IncludeAttendance { get; set; } = true;

        /// <summary>Replace an existing file (it is replaced only once the new backup is complete).</summary>
        public bool Overwrite { get; set; }

        public IProgress<SyncProgress>? Progress { get; set; }
    }
}
