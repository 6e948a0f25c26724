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
    /// Sync-ZkDevice and Import-ZkDevice: one source (a session, a backup file) to many destinations in one engine run,
    /// for the users named with -UserId or piped in (all of them when neither). Each destination is a ShouldProcess;
    /// each -Mirror removal is one more ShouldProcess and then, being dangerous, a ShouldContinue unless -Force.
    /// </summary>
    /// <typeparam name="TSource">What users are read from: a session, a backup file's path.</typeparam>
    public abstract class SyncZkCmdlet<TSource> : ZkCmdlet, IJournaledCmdlet where TSource : class
    {
        private readonly UserScope<TSource> _scope = new UserScope<TSource>();
        private bool _yesToAll;
        private bool _noToAll;

        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public ZkSession[] Destination { get; set; } = Array.Empty<ZkSession>();

        /// <summary>Which kinds of data, with each user; all of them by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateSet(nameof(SyncDataKinds.Users), nameof(SyncDataKinds.Fingerprints), nameof(SyncDataKinds.Faces),
            nameof(SyncDataKinds.Photos))]
        public SyncDataKinds[] Include { get; set; } = DataKinds.All;

        /// <summary>These user ids only (wildcards allowed); bound from piped users.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        /// <summary>Leaves these user ids (wildcards allowed) out.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? ExcludeUserId { get; set; }

        /// <summary>Also remove what only the destination has (users, and their extra fingerprints, faces,
        /// photos).</summary>
        [Parameter]
        public SwitchParameter Mirror { get; set; }

        /// <summary>Removes what -Mirror removes without a ShouldContinue for each user (unattended runs).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

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

        /// <summary>Folder of the run journal for this command (default: $ZkSyncJournalPath, else the per-user data
        /// folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>The tag of the summaries written to the information stream.</summary>
        internal const string SummaryTag = "ZkSync.Summary";

        /// <summary>
        /// What else to say when -BackupPathPassword is given without -BackupPath (Import: the file's own password).
        /// </summary>
        protected virtual string BackupPathPasswordHint => "";

        /// <summary>The source for the current record (a session, a file), or null after an error.</summary>
        protected abstract TSource? CurrentSource();

        /// <summary>Syncs from one source; <paramref name="userIds"/> null means every user.</summary>
        protected abstract void ProcessScope(TSource source, IReadOnlyList<string>? userIds);

        /// <summary>Refuses -BackupPathPassword without -BackupPath before any file or device is touched.</summary>
        protected override void BeginProcessing()
        {
            if (BackupPathPassword != null && BackupPath == null)
                ThrowTerminatingError(ErrorFactory.Create(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    "-BackupPathPassword encrypts the backups that -BackupPath writes; give -BackupPath too."
                    + BackupPathPasswordHint, nameof(BackupPathPassword)));
        }

        protected override void ProcessRecord()
        {
            TSource? source = CurrentSource();
            if (source != null) _scope.Add(source, UserId, MyInvocation.ExpectingInput);
        }

        protected override void EndProcessing()
        {
            if (_scope.IsEmpty) WriteVerbose("No users were piped in; nothing to do.");
            foreach ((TSource source, IReadOnlyList<string>? userIds) in _scope.BySource())
                ProcessScope(source, userIds);
        }

        /// <summary>
        /// Runs the engine from <paramref name="source"/> to every approved destination and writes one ZkSyncResult per
        /// user per destination as produced, and a ZkSyncSummary per destination to the information stream; with
        /// -Summary, only the summaries, to the output. Under -WhatIf the engine plans and writes nothing.
        /// </summary>
        internal void RunSync(SyncEndpoint source, string sourceName, ZkCapabilities sourceCapabilities,
            ZkSession? sourceSession, IReadOnlyList<string>? userIds)
        {
            bool whatIf = false;
            var destinations = UsableDestinations(Destination, sourceSession).Where(d =>
            {
                bool approved = ShouldProcess(d.Device, $"Sync users from {sourceName}", out bool answeredWhatIf);
                whatIf |= answeredWhatIf;
                return approved || answeredWhatIf;
            }).ToList();
            if (destinations.Count == 0) return;

            DestinationBackups? backups = BackupPath == null || whatIf ? null : new DestinationBackups(
                GetUnresolvedProviderPathFromPSPath(BackupPath), BackupSource.PlainText(BackupPathPassword));
            var run = new EngineRun(this, sourceName, destinations, backups,
                $"Syncing from {sourceName}", "Syncing to {0}")
            {
                WhatIf = whatIf,
            };
            SyncDataKinds kinds = Include.ToKinds();
            run.WarnUnsupported(sourceCapabilities, kinds);
            var summaries = new List<ZkSyncSummary>();
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
                ConfirmAsync = run.OnPipeline(c => ApproveRemoval(run.SessionOf(c.Endpoint), c)),
                OnItem = run.OnItem(item =>
                {
                    if (!Summary) WriteObject(new ZkSyncResult(item, sourceName, run.SessionOf(item.Endpoint).Device));
                }),
                OnSummary = run.OnSummary(summary =>
                {
                    var shown = new ZkSyncSummary(
                        summary, sourceName, run.SessionOf(summary.Endpoint).Device, run.BackupOf(summary));
                    summaries.Add(shown);
                    WriteSummary(shown);
                }),
                Progress = run.Progress,
                Logger = State.Log,
            };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            TryItem((object?)sourceSession ?? sourceName,
                () => run.Run(ct => SyncEngine.RunAsync(source, run.Destinations, options, ct)));
            // A fleet (two destinations or more) ends with one line per destination, failures first, like Write-Host.
            if (summaries.Count > 1)
            {
                var lines = string.Join(Environment.NewLine, FleetSummary.Lines(sourceName, summaries, clock.Elapsed));
                WriteInformation(new HostInformationMessage { Message = lines }, new[] { "PSHOST", FleetSummary.Tag });
            }
        }

        private void WriteSummary(ZkSyncSummary summary)
        {
            if (Summary) WriteObject(summary);
            else WriteInformation(summary, new[] { SummaryTag });
        }

        /// <summary>A removal is a change (ShouldProcess) and a dangerous one (ShouldContinue unless -Force).</summary>
        private bool ApproveRemoval(ZkSession destination, SyncConfirmation removal)
        {
            string target = UserTarget(removal.UserId, removal.Name, destination);
            if (!ShouldProcess(target, "Remove (only on the destination; -Mirror)")) return false;
            return Force || ShouldContinue(
                $"Remove {target}? It is not on the source; -Mirror removes it with its fingerprints, faces and photo.",
                "Confirm removal", ref _yesToAll, ref _noToAll);
        }
    }
}
