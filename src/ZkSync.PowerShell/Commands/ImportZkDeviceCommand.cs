using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Syncing;
using ZkSync.Sync;
using ZkSync.Sync.Backup;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Restores a backup (Export-ZkDevice) to one or more devices: a sync with the file as the
    /// source.</summary>
    [Cmdlet(VerbsData.Import, "ZkDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ZkSyncResult), typeof(ZkSyncSummary))]
    public sealed class ImportZkDeviceCommand : SyncZkCmdlet<string>
    {
        /// <summary>The backup file.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>The password of the backup file at -Path (Export-ZkDevice -Password); not -BackupPathPassword,
        /// which encrypts the backups -BackupPath writes.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        protected override string BackupPathPasswordHint => " The password of the file to import is -Password.";

        protected override string? CurrentSource() => Path;

        protected override void ProcessScope(string path, IReadOnlyList<string>? userIds)
        {
            // Opened (and fully checked) before anything else, so a wrong password stops the command up front.
            using BackupFile backup = BackupSource.Open(this, path, Password, nameof(Password));
            ISyncDevice source = backup.AsSyncDevice();
            RunSync(SyncEndpoint.Of(source), source.Name, source.Capabilities, null, userIds);
        }
    }
}
