using System;
using System.Collections.Generic;
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
    /// Compares the users of a reference (a device, or a backup file) with a difference device, per user and data kind,
    /// with the same notion of "equal" as Sync-ZkDevice. Read-only.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "ZkDevice", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(ZkCompareResult))]
    public sealed class CompareZkDeviceCommand : DataScopeCmdlet<CompareReference>
    {
        private const string SessionSet = "Session";
        private const string BackupSet = "Backup";

        /// <summary>The reference device; piped users bring their own session (their Session property).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SessionSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Session")]
        [ValidateNotNull]
        public ZkSession? Reference { get; set; }

        /// <summary>A backup file (Export-ZkDevice) as the reference.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BackupSet)]
        [ValidateNotNullOrEmpty]
        public string? ReferencePath { get; set; }

        /// <summary>The password of an encrypted reference backup.</summary>
        [Parameter(ParameterSetName = BackupSet)]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public ZkSession? Difference { get; set; }

        protected override CompareReference? CurrentSource()
        {
            if (ParameterSetName == BackupSet) return CompareReference.OfFile(ReferencePath!);
            ZkSession? reference = OpenSession(Reference!);
            return reference == null ? null : CompareReference.Of(reference);
        }

        protected override void ProcessScope(CompareReference scope, IReadOnlyList<string>? userIds)
        {
            if (OpenSession(Difference!) == null) return;
            if (scope.Session != null)
            {
                Compare(new ZkClientSyncDevice(scope.Session.Client), scope.Session, userIds);
                return;
            }
            using BackupFile backup = BackupSource.Open(this, scope.Path!, Password, nameof(Password));
            Compare(backup.AsSyncDevice(), null, userIds);
        }

        private void Compare(ISyncDevice reference, ZkSession? referenceSession, IReadOnlyList<string>? userIds)
        {
            var names = new SessionNames(referenceSession == null ? new[] { Difference! } : new[] { referenceSession, Difference! });
            var options = new SyncOptions { Kinds = Include.ToKinds(), UserIds = userIds ?? Array.Empty<string>() };
            var difference = new ZkClientSyncDevice(Difference!.Client);
            TryItem((object?)referenceSession ?? reference.Name, () => Run(ct => DeviceComparer.CompareAsync(reference, difference, options,
                c => Dispatcher.Post(() => WriteObject(new ZkCompareResult(c, names.Display(c.Reference), names.Display(c.Difference)))), ct)));
        }
    }
}
