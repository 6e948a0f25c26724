using ZkSync.Protocol.Errors;

namespace ZkSync.Sync.Backup
{
    /// <summary>A backup file that is not a ZkSync backup, is truncated, altered, or from a newer format
    /// version.</summary>
    public class ZkBackupException : ZkException
    {
        public ZkBackupException(string message, string? file = null, System.Exception? inner = null)
            : base(message, file, null, inner) { }
    }

    /// <summary>An encrypted backup opened without a password or with the wrong one. Nothing in the file was
    /// used.</summary>
    public sealed class ZkBackupPasswordException : ZkBackupException
    {
        public ZkBackupPasswordException(string message, string? file = null) : base(message, file) { }
    }
}
