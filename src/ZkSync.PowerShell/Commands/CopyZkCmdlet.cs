using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ZkSync.PowerShell.Copying;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>
    /// Shared shape of the Copy-Zk* cmdlets (dbatools' Copy-Dba*): one -Source (bound from piped users' Session),
    /// one or more -Destination sessions. Users are collected while the pipeline runs and copied in EndProcessing,
    /// so each destination gets one bulk upload however many users were piped.
    /// </summary>
    public abstract class CopyZkCmdlet : ZkSessionCmdlet
    {
        private readonly List<(ZkSession Source, string? UserId)> _requested = new List<(ZkSession, string?)>();

        /// <summary>Users to copy. Omitted (and nothing piped): every user of -Source.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        /// <summary>The session to copy from; piped users bring their own (their Session property).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Session")]
        [ValidateNotNull]
        public ZkSession? Source { get; set; }

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public ZkSession[] Destination { get; set; } = Array.Empty<ZkSession>();

        protected override ZkSession? SessionArgument => Source;

        /// <summary>What this cmdlet copies.</summary>
        protected abstract IReadOnlyCollection<ZkCopyItem> Items { get; }

        /// <summary>The ShouldProcess action, e.g. "Copy face templates".</summary>
        protected abstract string Action { get; }

        protected override void ProcessSession(ZkSession source)
        {
            if (UserId != null) foreach (string id in UserId) _requested.Add((source, id));
            // Nothing named and nothing piped means "all users"; an empty pipeline must mean "nobody".
            else if (!MyInvocation.ExpectingInput) _requested.Add((source, null));
        }

        protected override void EndProcessing()
        {
            var copier = new UserCopier(this, Items, Action);
            foreach (IGrouping<ZkSession, (ZkSession Source, string? UserId)> group in _requested.GroupBy(r => r.Source))
            {
                ZkSession source = group.Key;
                List<ZkUser>? users = null;
                TryItem(source, () => users = ResolveUsers(source, group.Select(r => r.UserId)));
                if (users == null || users.Count == 0) continue;

                foreach (ZkSession destination in Destination)
                {
                    if (!UsableDestination(source, destination)) continue;
                    TryItem(destination, () => copier.Copy(source, users, destination));
                }
            }
        }

        private List<ZkUser> ResolveUsers(ZkSession source, IEnumerable<string?> ids)
        {
            UserIndex index = UsersOf(source);
            if (ids.Any(id => id == null)) return index.All.ToList();

            var users = new List<ZkUser>();
            foreach (string id in ids.Distinct(StringComparer.Ordinal).Cast<string>())
            {
                ZkUser? user = index.Find(id);
                if (user == null) WriteError(ErrorFactory.UserNotFound(id, source));
                else users.Add(user);
            }

            return users;
        }

        private bool UsableDestination(ZkSession source, ZkSession destination)
        {
            if (ReferenceEquals(source, destination))
            {
                WriteError(ErrorFactory.Create(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    $"Source and destination are the same session ({source.Device}).", destination));
                return false;
            }

            if (destination.State != ZkSessionState.Closed) return true;
            WriteError(ErrorFactory.SessionClosed(destination));
            return false;
        }
    }
}
