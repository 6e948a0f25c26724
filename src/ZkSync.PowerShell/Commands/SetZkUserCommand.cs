using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Changes fields of an existing user; only the parameters given are changed.</summary>
    [Cmdlet(VerbsCommon.Set, "ZkUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ZkUserInfo))]
    public sealed class SetZkUserCommand : ZkUserWriteCmdlet
    {
        protected override void ProcessSession(ZkSession session)
        {
            ZkUser? existing = RequireUser(session, UserId);
            if (existing == null) return;

            ZkUser user = existing.Clone();
            ApplyGivenFields(user);
            string fields = string.Join(", ", GivenFields());
            if (!ShouldProcess(UserTarget(UserId, existing.Name, session), fields.Length == 0 ? "Rewrite user" : $"Set {fields}")) return;
            ZkUserInfo updated = Write(session, user);
            if (PassThru) WriteObject(updated);
        }
    }
}
