using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.Sync;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Copies a user's photo to devices that already have the user.</summary>
    [Cmdlet(VerbsCommon.Copy, "ZkUserPhoto", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ZkCopyResult))]
    public sealed class CopyZkUserPhotoCommand : CopyZkCmdlet
    {
        protected override SyncDataKinds Kinds => SyncDataKinds.Photos;

        protected override string Action => "Copy photo";
    }
}
