using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Syncing;
using ZkSync.Sync;
using ZkSync.Sync.Backup;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>
    /// Backs up a device to a file: device info, users, fingerprints, faces, photos and attendance, optionally
    /// encrypted. The comm key is never part of a backup.
    /// </summary>
    [Cmdlet(VerbsData.Export, "ZkDevice")]
    [OutputType(typeof(ZkBackupInfo))]
    public sealed class ExportZkDeviceCommand : ZkDeviceCmdlet
    {
        /// <summary>The backup file to write.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Encrypts the file (AES-256 with an HMAC, keys from the password).</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        /// <summary>Leave the attendance log out.</summary>
        [Parameter]
        public SwitchParameter NoAttendance { get; set; }

        /// <summary>Replace an existing file (only once the new backup is complete).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessSession(ZkSession session)
        {
            string full = GetUnresolvedProviderPathFromPSPath(Path);
            string? problem = File.Exists(full) && !Force ? $"{full} exists; use -Force to replace it."
                : Directory.Exists(full) ? $"{full} is a folder; give a file name."
                : !Directory.Exists(System.IO.Path.GetDirectoryName(full)) ? $"The folder of {full} does not exist."
                : null;
            if (problem != null)
            {
                WriteError(ErrorFactory.Create(ErrorIds.FileError, ErrorCategory.WriteError, problem, full));
                return;
            }

            ProgressReporter progress = BeginProgress($"Backing up {session.Device}");
            BackupManifest manifest;
            try
            {
                var options = new BackupOptions
                {
                    Password = BackupSource.PlainText(Password),
                    IncludeAttendance = !NoAttendance,
                    Overwrite = Force,
                    Progress = new PostedProgress<SyncProgress>(Pump, p => progress.Report(p.Phase, p.Done, p.Total)),
                };
                manifest = Run(ct =>
                    BackupWriter.CreateAsync(new ZkClientSyncDevice(session.Client), full, options, ct)
                );
            }
            finally
            {
                progress.Complete();
            }

            WriteObject(
                new ZkBackupInfo(
                    full,
                    new FileInfo(full).Length,
                    Password != null,
                    session.Device,
                    session.SerialNumber,
                    manifest
                )
            );
        }
    }
}
