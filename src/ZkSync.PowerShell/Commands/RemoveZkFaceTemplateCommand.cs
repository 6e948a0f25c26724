using System.Collections.Generic;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Deletes all face templates of a user (the device keeps faces per user, not per template).</summary>
    [Cmdlet(VerbsCommon.Remove, "ZkFaceTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveZkFaceTemplateCommand : ZkRemoveCmdlet
    {
        // Get-ZkFaceTemplate emits several records per user; the user's faces go in one delete.
        private readonly HashSet<(ZkSession, string)> _done = new HashSet<(ZkSession, string)>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = "";

        protected override void ProcessSession(ZkSession session)
        {
            if (!_done.Add((session, UserId))) return;
            if (!UserSelection.Supports(this, session, session.Capabilities.FaceSupported, "face templates")) return;
            ZkUser? user = RequireUser(session, UserId);
            if (user == null) return;

            if (!ShouldProcess(UserTarget(UserId, user.Name, session), "Remove all face templates")) return;
            JournaledRemoval(session, UserId, () => Run(ct => session.Client.DeleteFacesAsync(UserId, ct)));
        }
    }
}
