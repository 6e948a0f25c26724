using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Syncing;
using ZkSync.Protocol.Model;
using ZkSync.Sync;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Shared shape of Sync-ZkDevice and Import-ZkDevice: one source (a session, a backup file), many destinations, one
    /// engine run for all of them. Each destination is a ShouldProcess (Medium); each -Mirror removal is its own
    /// ShouldProcess with High-impact semantics (asked by default, passed with -Confirm:$false).
    /// </summary>
    public abstract class SyncZkCmdlet<TSource> : DataScopeCmdlet<TSource> where TSource : class
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

        /// <summary>
        /// Cut names and passwords that are too long for a destination (reported in Notes) instead of failing the user.
        /// A destination connected with -AllowTruncation cuts them without it.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowTruncation { get; set; }

        /// <summary>Folder for a backup of each destination, written before it is changed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BackupPath { get; set; }

        /// <summary>
        /// Encrypts the backups -BackupPath writes (AES-256 with an HMAC, keys from the password), as Export-ZkDevice
        /// -Password. Named for what it protects; -BackupPassword, its former name, still binds.
        /// </summary>
        [Parameter]
        [Alias("BackupPassword")]
        [ValidateNotNull]
        public SecureString? BackupPathPassword { get; set; }

        /// <summary>
        /// Writes one ZkSyncSummary per destination instead of the per-user results. Without it the summaries go to the
        /// information stream (tag ZkSync.Summary), so the output stays one type and filters such as
        /// <c>Where-Object Action -ne 'Unchanged'</c> see only results.
        /// </summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>How many destinations are synced at the same time.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = SyncOptions.DefaultThrottleLimit;

        /// <summary>Folder of the run journal for this command (default: $ZkSyncJournalPath, else the per-user data folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>
        /// Runs the engine from <paramref name="source"/> to every approved destination and writes one ZkSyncResult per
        /// user per destination as produced, and a ZkSyncSummary per destination to the information stream; with
        /// -Summary, only the summaries, to the output.
        /// </summary>
        internal void RunSync(SyncEndpoint source, string sourceName, ZkCapabilities sourceCapabilities, ZkSession? sourceSession, IReadOnlyList<string>? userIds)
        {
            bool whatIf = WhatIfRequested;
            // Under -WhatIf ShouldProcess writes its "What if" line and says no; the engine then plans without writing.
            var destinations = UsableDestinations(Destination, sourceSession)
                .Where(d => ShouldProcess(d.Device, $"Sync users from {sourceName}") || whatIf).ToList();
            if (destinations.Count == 0) return;

            IEnumerable<ZkSession> sessions = sourceSession == null ? destinations : destinations.Append(sourceSession);
            var run = new EngineRun(this, sessions, $"Syncing from {sourceName}", "Syncing to {0}", destinations.Count);
            SyncDataKinds kinds = Include.ToKinds();
            run.WarnUnsupported(sourceCapabilities, destinations, kinds);
            DestinationBackups? backups = BackupPath == null || whatIf ? null : new DestinationBackups(GetUnresolvedProviderPathFromPSPath(BackupPath), BackupSource.PlainText(BackupPathPassword));
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
            var endpoints = destinations.Select(d => EngineRun.Endpoint(d, backups)).ToList();
            var summaries = new List<ZkSyncSummary>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            TryItem((object?)sourceSession ?? sourceName, () => run.Run(options, (o, ct) => SyncEngine.RunAsync(source, endpoints, o, ct),
                item =>
                {
                    if (!Summary) WriteObject(new ZkSyncResult(item, sourceName, run.Names.Display(item.Destination)));
                },
                summary =>
                {
                    var shown = new ZkSyncSummary(summary, sourceName, run.Names.Display(summary.Destination),
                        backups?.FileOf(summary.Destination));
                    summaries.Add(shown);
                    WriteSummary(shown);
                }));
            // A fleet (two destinations or more) ends with one line per destination, failures first, like Write-Host.
            if (summaries.Count > 1)
                WriteInformation(new HostInformationMessage
                {
                    Message = string.Join(Environment.NewLine,
                    FleetSummary.Lines(sourceName, summaries, clock.Elapsed))
                },
                    new[] { "PSHOST", FleetSummary.Tag });
        }

        /// <summary>What else to say when -BackupPathPassword is given without -BackupPath (Import: the file's own password).</summary>
        protected virtual string BackupPathPasswordHint => "";

        /// <summary>Refuses -BackupPathPassword without -BackupPath before any file is opened or device touched.</summary>
        protected override void BeginProcessing()
        {
            if (BackupPathPassword != null && BackupPath == null)
                ThrowTerminatingError(ErrorFactory.Create(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    "-BackupPathPassword encrypts the backups that -BackupPath writes; give -BackupPath too." + BackupPathPasswordHint, nameof(BackupPathPassword)));
        }

        /// <summary>The tag of the summaries written to the information stream.</summary>
        internal const string SummaryTag = "ZkSync.Summary";

        private void WriteSummary(ZkSyncSummary summary)
        {
            if (Summary) WriteObject(summary);
            else WriteInformation(summary, new[] { SummaryTag });
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
