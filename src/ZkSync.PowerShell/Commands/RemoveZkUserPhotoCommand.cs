using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Deletes a user's photo.</summary>
    [Cmdlet(VerbsCommon.Remove, "ZkUserPhoto", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveZkUserPhotoCommand : ZkRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = "";

        protected override void ProcessSession(ZkSession session)
        {
            if (!UserSelection.Supports(this, session, session.Capabilities.PhotoSupported, "user photos")) return;
            ZkUser? user = RequireUser(session, UserId);
            if (user == null) return;

            string target = UserTarget(UserId, user.Name, session);
            if (!ShouldProcess(target, "Remove photo")) return;
            JournaledRemoval(session, UserId, () =>
            {
                if (!Run(ct => session.Client.DeletePhotoAsync(UserId, ct)))
                    WriteVerbose($"{target} had no photo.");
            });
        }
    }
}
