using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Sync.Backup;

namespace ZkSync.PowerShell.Syncing
{
    /// <summary>
    /// Opens a backup file for a cmdlet. A wrong password (ZkSync.BackupPasswordInvalid) or a damaged or altered file
    /// (ZkSync.BackupInvalid) is terminating: nothing the command could do with the file would be right.
    /// </summary>
    internal static class BackupSource
    {
        public static BackupFile Open(PSCmdlet cmdlet, string path, SecureString? password)
        {
            string full = cmdlet.GetUnresolvedProviderPathFromPSPath(path);
            try
            {
                return BackupFile.Open(full, PlainText(password));
            }
            catch (Exception exception) when (exception is ZkBackupException || exception is System.IO.IOException || exception is UnauthorizedAccessException)
            {
                ErrorRecord error = exception is ZkBackupException ? ErrorFactory.FromException(exception, full) : ErrorFactory.FileError(exception, full);
                cmdlet.ThrowTerminatingError(error);
                throw; // not reached: ThrowTerminatingError always throws
            }
        }

        /// <summary>The password as the backup code takes it; null when none was given.</summary>
        public static string? PlainText(SecureString? password) => password == null ? null : new NetworkCredential(string.Empty, password).Password;
    }
}
