using System.Collections.Generic;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Syncing;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Makes one or more devices hold what a source device holds: users, fingerprints, faces and
    /// photos.</summary>
    [Cmdlet(VerbsData.Sync, "ZkDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ZkSyncResult), typeof(ZkSyncSummary))]
    public sealed class SyncZkDeviceCommand : SyncZkCmdlet<ZkSession>
    {
        /// <summary>The device to sync from; piped users bring their own session (their Session property).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Session")]
        [ValidateNotNull]
        public ZkSession? Source { get; set; }

        protected override ZkSession? CurrentSource() => OpenSession(Source!);

        protected override void ProcessScope(ZkSession source, IReadOnlyList<string>? userIds)
        {
            RunSync(EngineRun.Source(source), source.Device, source.Capabilities, source, userIds);
        }
    }
}
