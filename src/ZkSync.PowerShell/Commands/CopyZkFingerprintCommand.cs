using System.Collections.Generic;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Copies a user's fingerprint templates to devices that already have the user (same fingerprint algorithm only).</summary>
    [Cmdlet(VerbsCommon.Copy, "ZkFingerprint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ZkCopyResult))]
    public sealed class CopyZkFingerprintCommand : CopyZkCmdlet
    {
        protected override IReadOnlyCollection<ZkCopyItem> Items { get; } = new[] { ZkCopyItem.Fingerprints };

        protected override string Action => "Copy fingerprints";
    }
}
