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
    /// The Copy-Zk* cmdlets (dbatools' Copy-Dba*): one -Source (bound from piped users' Session), one or more
    /// -Destination sessions. A copy is a sync limited to the named users that never removes anything, so copies and
    /// syncs share one engine and one notion of "equal". Users are collected while the pipeline runs and copied when it
    /// ends. The engine asks before writing each user to each destination, and that question is this cmdlet's
    /// ShouldProcess: -Confirm prompts there, and -WhatIf says there what would be written and writes nothing.
    /// </summary>
    public abstract class CopyZkCmdlet : ZkCmdlet, IJournaledCmdlet
    {
        private readonly UserScope<ZkSession> _scope = new UserScope<ZkSession>();

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

        /// <summary>Folder of the run journal for this command (default: $ZkSyncJournalPath, else the per-user data
        /// folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>What this cmdlet copies.</summary>
        protected abstract SyncDataKinds Kinds { get; }

        /// <summary>Names and passwords too long for a destination are cut (Copy-ZkUser -AllowTruncation); only user
        /// records have them.</summary>
        internal virtual bool AllowsTruncation => false;

        /// <summary>The ShouldProcess action, e.g. "Copy face templates".</summary>
        protected abstract string Action { get; }

        protected override void ProcessRecord()
        {
            ZkSession? source = OpenSession(Source!);
            if (source != null) _scope.Add(source, UserId, MyInvocation.ExpectingInput);
        }

        protected override void EndProcessing()
        {
            if (_scope.IsEmpty) WriteVerbose("No users were piped in; nothing to do.");
            foreach ((ZkSession source, IReadOnlyList<string>? userIds) in _scope.BySource())
                TryItem(source, () => CopyFrom(source, userIds));
        }

        private void CopyFrom(ZkSession source, IReadOnlyList<string>? userIds)
        {
            if (userIds != null && (userIds = KnownUsers(source, userIds)).Count == 0) return;
            List<ZkSession> destinations = UsableDestinations(Destination, source);
            if (destinations.Count > 0) Copy(source, destinations, userIds);
        }

        /// <summary>Named users that are not on the source get UserNotFound; a copy never creates or removes them
        /// elsewhere.</summary>
        private List<string> KnownUsers(ZkSession source, IReadOnlyList<string> userIds)
        {
            var onSource = new HashSet<string>(UsersOf(source).All.Select(u => u.UserId), StringComparer.Ordinal);
            foreach (string missing in userIds.Where(id => !onSource.Contains(id)))
                WriteError(ErrorFactory.UserNotFound(missing, source));
            return userIds.Where(onSource.Contains).ToList();
        }

        private void Copy(ZkSession source, List<ZkSession> destinations, IReadOnlyList<string>? userIds)
        {
            var run = new EngineRun(this, source.Device, destinations, backups: null,
                $"Copying from {source.Device}", "Copying to {0}");
            run.WarnUnsupported(source.Capabilities, Kinds);
            // Users not approved (declined, or -WhatIf) were not copied: they have no result of their own.
            var declined = new HashSet<(SyncEndpoint Destination, string UserId)>();
            var options = new SyncOptions
            {
                Kinds = Kinds,
                UserIds = userIds ?? Array.Empty<string>(),
                AllowTruncation = AllowsTruncation,
                ConfirmWriteAsync = run.OnPipeline(c =>
                {
                    string target = UserTarget(c.UserId, c.Name, run.SessionOf(c.Endpoint));
                    bool approved = ShouldProcess(target, Action, out bool whatIf);
                    run.WhatIf |= whatIf;
                    if (!approved) declined.Add((c.Endpoint!, c.UserId));
                    return approved;
                }),
                OnItem = run.OnItem(item =>
                {
                    // Destination-only users are not part of a copy; -WhatIf writes no results (dbatools).
                    bool notCopied = run.WhatIf || declined.Contains((item.Endpoint!, item.UserId));
                    if (item.Action == SyncAction.Kept || notCopied) return;
                    WriteObject(CopyResults.From(item, source.Device, run.SessionOf(item.Endpoint).Device, Kinds));
                }),
                OnSummary = run.OnSummary(),
                Progress = run.Progress,
                Logger = State.Log,
            };
            run.Run(ct => SyncEngine.RunAsync(EngineRun.Source(source), run.Destinations, options, ct));
        }
    }
}
