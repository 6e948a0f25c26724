using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Syncing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Sync;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>
    /// Shared shape of Sync-ZkDevice and Import-ZkDevice: one source (a session, a backup file), many destinations, one
    /// engine run for all of them. Each destination is a ShouldProcess (Medium); each -Mirror removal is its own
    /// ShouldProcess with High-impact semantics (asked by default, passed with -Confirm:$false).
    /// </summary>
    public abstract class SyncZkCmdlet : DataScopeCmdlet
    {
        private bool _yesToAll;
        private bool _noToAll;

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public ZkSession[] Destination { get; set; } = Array.Empty<ZkSession>();

        /// <summary>Leaves these user ids (wildcards allowed) out.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? ExcludeUserId { get; set; }

        /// <summary>Also remove what only the destination has (users, and their extra fingerprints, faces, photos).</summary>
        [Parameter]
        public SwitchParameter Mirror { get; set; }

        /// <summary>Skip reading back what was written.</summary>
        [Parameter]
        public SwitchParameter NoVerify { get; set; }

        /// <summary>Cut names and passwords that are too long for a destination (reported in Notes) instead of failing the user.</summary>
        [Parameter]
        public SwitchParameter AllowTruncation { get; set; }

        /// <summary>Folder for a backup of each destination, written before it is changed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BackupPath { get; set; }

        /// <summary>Encrypts the -BackupPath backups (AES-256 with an HMAC, keys from the password), as Export-ZkDevice -Password.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? BackupPassword { get; set; }

        /// <summary>How many destinations are synced at the same time.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Folder of the run journal for this command (default: $ZkSyncJournalPath, else the per-user data folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>
        /// Runs the engine from <paramref name="source"/> to every approved destination and writes one ZkSyncResult per
        /// user per destination as produced, then a ZkSyncSummary per destination.
        /// </summary>
        internal void RunSync(SyncEndpoint source, string sourceName, ZkCapabilities sourceCapabilities, ZkSession? sourceSession, IReadOnlyList<string>? userIds)
        {
            if (BackupPassword != null && BackupPath == null)
                ThrowTerminatingError(ErrorFactory.Create(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    "-BackupPassword encrypts the backups that -BackupPath writes; give -BackupPath too.", "BackupPassword"));
            bool whatIf = WhatIfRequested;
            // Under -WhatIf ShouldProcess writes its "What if" line and says no; the engine then plans without writing.
            List<ZkSession> destinations = UsableDestinations(Destination, sourceSession)
                .Where(d => ShouldProcess(d.Device, $"Sync users from {sourceName}") || whatIf).ToList();
            if (destinations.Count == 0) return;

            IEnumerable<ZkSession> sessions = sourceSession == null ? destinations : destinations.Append(sourceSession);
            var run = new EngineRun(this, sessions, $"Syncing from {sourceName}", "Syncing to {0}");
            SyncDataKinds kinds = Include.ToKinds();
            run.WarnUnsupported(sourceCapabilities, destinations, kinds);
            DestinationBackups? backups = BackupPath == null || whatIf ? null : new DestinationBackups(GetUnresolvedProviderPathFromPSPath(BackupPath), BackupSource.PlainText(BackupPassword));
            var options = new SyncOptions
            {
                Kinds = kinds,
                UserIds = userIds ?? Array.Empty<string>(),
                ExcludeUserIds = ExcludeUserId ?? Array.Empty<string>(),
                Mirror = Mirror,
                Verify = !NoVerify,
                WhatIf = whatIf,
                AllowTruncation = AllowTruncation,
                ThrottleLimit = ThrottleLimit,
                ConfirmAsync = run.OnPipeline(c => ApproveRemoval(ZkSessionCmdlet.UserTarget(c.UserId, c.Name, run.Names.Display(c.Destination)))),
            };
            List<SyncEndpoint> endpoints = destinations.Select(d => EngineRun.Endpoint(d, backups)).ToList();
            try
            {
                run.Run(options, (o, ct) => SyncEngine.RunAsync(source, endpoints, o, ct),
                    item => WriteObject(new ZkSyncResult(item, sourceName, run.Names.Display(item.Destination))),
                    summary => WriteObject(new ZkSyncSummary(summary, sourceName, run.Names.Display(summary.Destination), backups?.FileOf(summary.Destination))));
            }
            catch (Exception exception) when (!(exception is RuntimeException))
            {
                WriteFailure(exception, (object?)sourceSession ?? sourceName);
            }
        }

        /// <summary>
        /// A removal is High impact while this cmdlet is Medium: ShouldProcess prompts for it only at $ConfirmPreference
        /// Medium or lower, so at High (the default) it is asked here as well, unless -Confirm was given either way.
        /// </summary>
        private bool ApproveRemoval(string target)
        {
            const string Action = "Remove (only on the destination; -Mirror)";
            if (!ShouldProcess(target, Action)) return false;
            if (MyInvocation.BoundParameters.ContainsKey("Confirm") || !ConfirmsHighImpact()) return true;
            return ShouldContinue($"Remove {target}? It is not on the source; -Mirror removes it with its fingerprints, faces and photo.",
                "Confirm removal", ref _yesToAll, ref _noToAll);
        }

        private bool ConfirmsHighImpact()
        {
            object? preference = SessionState.PSVariable.GetValue("ConfirmPreference");
            return LanguagePrimitives.TryConvertTo(preference, out ConfirmImpact impact) && impact == ConfirmImpact.High;
        }
    }
}
