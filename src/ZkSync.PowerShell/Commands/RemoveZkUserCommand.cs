using System;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Deletes users; the device deletes their fingerprints, faces and photo with them.</summary>
    [Cmdlet(VerbsCommon.Remove, "ZkUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveZkUserCommand : ZkRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = Array.Empty<string>();

        protected override void ProcessSession(ZkSession session)
        {
            foreach (string id in UserId)
            {
                ZkUser? user = RequireUser(session, id);
                if (user == null)
                    continue;

                if (
                    !ShouldProcess(UserTarget(id, user.Name, session), "Remove user with fingerprints, faces and photo")
                )
                    continue;
                TryItem(id, () => JournaledRemoval(session, id, () =>
                    {
                        bool deleted = Run(ct => session.Client.DeleteUserAsync(id, ct));
                        UsersOf(session).Remove(id);
                        if (!deleted)
                            WriteError(ErrorFactory.UserNotFound(id, session));
                    }));
            }
        }
    }
}
