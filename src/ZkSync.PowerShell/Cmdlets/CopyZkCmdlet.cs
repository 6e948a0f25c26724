using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ZkSync.PowerShell.Copying;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Syncing;
using ZkSync.Sync;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Shared shape of the Copy-Zk* cmdlets (dbatools' Copy-Dba*): one -Source (bound from piped users' Session), one or
    /// more -Destination sessions. A copy is a sync limited to the named users that never removes anything
    /// (<see cref="SyncEngine.CopyUsersAsync"/>), so copies and syncs share one path and one notion of "equal". Users are
    /// collected while the pipeline runs and copied when it ends; ShouldProcess is asked once per user per destination
    /// that may be written.
    /// </summary>
    public abstract class CopyZkCmdlet : UserScopeCmdlet<ZkSession>
    {
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

        /// <summary>Folder of the run journal for this command (default: $ZkSyncJournalPath, else the per-user data folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        protected override string[]? UserIdArgument => UserId;

        /// <summary>What this cmdlet copies.</summary>
        protected abstract IReadOnlyCollection<ZkCopyItem> Items { get; }

        /// <summary>Names and passwords too long for a destination are cut (Copy-ZkUser -AllowTruncation); only user records have them.</summary>
        internal virtual bool AllowsTruncation => false;

        /// <summary>The ShouldProcess action, e.g. "Copy face templates".</summary>
        protected abstract string Action { get; }

        protected override ZkSession? CurrentSource() => OpenSession(Source!);

        protected override void ProcessScope(ZkSession source, IReadOnlyList<string>? userIds) => TryItem(source, () =>
        {
            if (userIds != null && (userIds = KnownUsers(source, userIds)).Count == 0) return;
            List<ZkSession> destinations = UsableDestinations(Destination, source);
            if (destinations.Count > 0) Copy(source, destinations, userIds);
        });

        /// <summary>Named users that are not on the source get UserNotFound; a copy never creates or removes them elsewhere.</summary>
        private List<string> KnownUsers(ZkSession source, IReadOnlyList<string> userIds)
        {
            var onSource = new HashSet<string>(Run(ct => source.Client.GetUsersAsync(ct)).Select(u => u.UserId), StringComparer.Ordinal);
            foreach (string missing in userIds.Where(id => !onSource.Contains(id))) WriteError(ErrorFactory.UserNotFound(missing, source));
            return userIds.Where(onSource.Contains).ToList();
        }

        private void Copy(ZkSession source, List<ZkSession> destinations, IReadOnlyList<string>? userIds)
        {
            bool whatIf = WhatIfRequested;
            SyncDataKinds kinds = Items.ToKinds();
            var run = new EngineRun(this, destinations.Append(source), $"Copying from {source.Device}",
                "Copying to {0}", destinations.Count);
            run.WarnUnsupported(source.Capabilities, destinations, kinds);
            var declined = new HashSet<(string Destination, string UserId)>();
            string Target(string destination, string userId, string name) => ZkSessionCmdlet.UserTarget(userId, name, run.Names.Display(destination));

            var options = new SyncOptions
            {
                Kinds = kinds,
                WhatIf = whatIf,
                AllowTruncation = AllowsTruncation,
                ConfirmWriteAsync = run.OnPipeline(c =>
                {
                    bool approved = ShouldProcess(Target(c.Destination, c.UserId, c.Name), Action);
                    if (!approved) declined.Add((c.Destination, c.UserId));
                    return approved;
                }),
            };
            var endpoints = destinations.Select(d => EngineRun.Endpoint(d, backups: null)).ToList();
            run.Run(options, (o, ct) => SyncEngine.CopyUsersAsync(EngineRun.Source(source), endpoints, userIds ?? Array.Empty<string>(), o, ct), item =>
            {
                // Destination-only users are not part of a copy; declined ones were not copied at all.
                if (item.Action == SyncAction.Kept || declined.Contains((item.Destination, item.UserId))) return;
                // -WhatIf: one "What if" line per user that would be written, and no result objects (dbatools).
                if (whatIf)
                {
                    if (CopyResults.WouldWrite(item)) ShouldProcess(Target(item.Destination, item.UserId, item.Name), Action);
                    return;
                }
                WriteObject(CopyResults.From(item, source.Device, run.Names.Display(item.Destination), kinds));
            });
        }
    }
}
