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
        /// <summary>Also writes the user as the device now holds it (Set-* writes nothing by default).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessSession(ZkSession session)
        {
            ZkUser? existing = RequireUser(session, UserId);
            if (existing == null)
                return;

            string[] given = GivenFields();
            if (given.Length == 0)
            {
                WriteWarning(
                    $"Nothing to change for {UserTarget(UserId, existing.Name, session)}: give at least one of -Name, "
                        + "-Password, -Privilege, -Card, -Group or -Enabled."
                );
                if (PassThru)
                    WriteObject(new ZkUserInfo(existing, session));
                return;
            }

            ZkUser user = existing.Clone();
            ApplyGivenFields(user);
            if (!ShouldProcess(UserTarget(UserId, existing.Name, session), $"Set {string.Join(", ", given)}")) return;
            ZkUserInfo updated = Write(session, user);
            if (PassThru) WriteObject(updated);
        }
    }
}
