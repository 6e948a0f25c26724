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
    public sealed class CompareZkDeviceCommand : ZkCmdlet
    {
        private const string SessionSet = "Session";
        private const string BackupSet = "Backup";
        private readonly UserScope<CompareReference> _scope = new UserScope<CompareReference>();

        /// <summary>The reference device; piped users bring their own session (their Session property).</summary>
        [Parameter(
            Mandatory = true,
            Position = 0,
            ParameterSetName = SessionSet,
            ValueFromPipelineByPropertyName = true
        )]
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

        /// <summary>Which kinds of data, with each user; all of them by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateSet(nameof(SyncDataKinds.Users), nameof(SyncDataKinds.Fingerprints), nameof(SyncDataKinds.Faces),
            nameof(SyncDataKinds.Photos))]
        public SyncDataKinds[] Include { get; set; } = DataKinds.All;

        /// <summary>These user ids only (wildcards allowed); bound from piped users.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        protected override void ProcessRecord()
        {
            CompareReference? reference = CurrentReference();
            if (reference != null) _scope.Add(reference, UserId, MyInvocation.ExpectingInput);
        }

        protected override void EndProcessing()
        {
            if (_scope.IsEmpty) WriteVerbose("No users were piped in; nothing to do.");
            foreach ((CompareReference reference, IReadOnlyList<string>? userIds) in _scope.BySource())
                CompareWith(reference, userIds);
        }

        private CompareReference? CurrentReference()
        {
            if (ParameterSetName == BackupSet) return CompareReference.OfFile(ReferencePath!);
            ZkSession? reference = OpenSession(Reference!);
            return reference == null ? null : CompareReference.Of(reference);
        }

        private void CompareWith(CompareReference scope, IReadOnlyList<string>? userIds)
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
            // Two devices, each with its own side of every comparison: shown as the sessions show them.
            string referenceName = referenceSession?.Device ?? reference.Name;
            string differenceName = Difference!.Device;
            var options = new SyncOptions { Kinds = Include.ToKinds(), UserIds = userIds ?? Array.Empty<string>() };
            var difference = new ZkClientSyncDevice(Difference.Client);
            TryItem((object?)referenceSession ?? reference.Name, () => Run(ct => DeviceComparer.CompareAsync(
                reference, difference, options,
                c => Pump.Post(() => WriteObject(new ZkCompareResult(c, referenceName, differenceName))), ct)));
        }
    }
}
