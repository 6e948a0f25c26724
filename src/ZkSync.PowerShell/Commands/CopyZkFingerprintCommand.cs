using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.Sync;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Copies a user's fingerprint templates to devices that already have the user (same fingerprint algorithm
    /// only).</summary>
    [Cmdlet(VerbsCommon.Copy, "ZkFingerprint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ZkCopyResult))]
    public sealed class CopyZkFingerprintCommand : CopyZkCmdlet
    {
        protected override SyncDataKinds Kinds => SyncDataKinds.Fingerprints;

        protected override string Action => "Copy fingerprints";
    }
}
