using System;
using System.Linq;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Reads users: all of them, the ones with given user ids, or the ones whose name matches
    /// wildcards.</summary>
    [Cmdlet(VerbsCommon.Get, "ZkUser")]
    [OutputType(typeof(ZkUserInfo))]
    public sealed class GetZkUserCommand : ZkDeviceCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        protected override void ProcessSession(ZkSession session)
        {
            WildcardPattern[] patterns = (Name ?? Array.Empty<string>())
                .Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToArray();
            bool NameMatches(ZkUser user) => patterns.Length == 0 || patterns.Any(p => p.IsMatch(user.Name));

            if (UserId == null)
            {
                foreach (ZkUser user in UsersOf(session).All.Where(NameMatches))
                    WriteObject(new ZkUserInfo(user, session));
                return;
            }

            foreach (string id in UserId)
            {
                ZkUser? user = FindUser(session, id);
                if (user == null) WriteError(ErrorFactory.UserNotFound(id, session));
                else if (NameMatches(user)) WriteObject(new ZkUserInfo(user, session));
            }
        }
    }
}
