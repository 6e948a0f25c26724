using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>
    /// Creates a user; refuses (UserExists) when the user id is taken, so nothing is overwritten by accident. Writes
    /// the created user as the device holds it, always: New-* returns what it creates (New-Item, New-LocalUser), so
    /// there is no -PassThru.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ZkUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ZkUserInfo))]
    public sealed class NewZkUserCommand : ZkUserWriteCmdlet
    {
        protected override void ProcessSession(ZkSession session)
        {
            if (FindUser(session, UserId) != null)
            {
                WriteError(ErrorFactory.UserExists(UserId, session));
                return;
            }

            var user = new ZkUser { UserId = UserId, Enabled = true };
            ApplyGivenFields(user);
            if (!ShouldProcess(UserTarget(UserId, user.Name, session), "Create user")) return;
            ZkUserInfo created = Write(session, user);
            WriteObject(created);
        }
    }
}
