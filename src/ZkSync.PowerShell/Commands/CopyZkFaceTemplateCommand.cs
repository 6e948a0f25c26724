using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.Sync;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Copies a user's face templates to devices that already have the user (same face algorithm
    /// only).</summary>
    [Cmdlet(VerbsCommon.Copy, "ZkFaceTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ZkCopyResult))]
    public sealed class CopyZkFaceTemplateCommand : CopyZkCmdlet
    {
        protected override SyncDataKinds Kinds => SyncDataKinds.Faces;

        protected override string Action => "Copy face templates";
    }
}
