using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;
using ZkSync.Sync;

namespace ZkSync.PowerShell.Syncing
{
    /// <summary>
    /// One run of the sync engine for a cmdlet (Sync-, Import-, Copy-Zk*). Each destination session becomes an endpoint
    /// the engine opens when it gets to it, and what the engine reports comes back stamped with that endpoint object,
    /// so results, summaries, progress, backups and journal records find their session by reference: two sessions to
    /// one device stay two destinations. The callbacks it hands out post to the cmdlet's pump, so everything is written
    /// on the pipeline thread as it happens. A destination that fails gets a non-terminating
    /// ZkSync.SyncDestinationFailed error; the others go on.
    /// </summary>
    internal sealed class EngineRun
    {
        private readonly ZkCmdlet _cmdlet;
        private readonly string _source;
        private readonly DestinationBackups? _backups;
        private readonly SyncProgressBars _bars;
        private readonly Dictionary<SyncEndpoint, ZkSession> _sessions = new Dictionary<SyncEndpoint, ZkSession>();

        /// <param name="source">The source as results show it ("127.0.0.1:4370", a backup's name).</param>
        /// <param name="destinations">The sessions to write to, in order.</param>
        /// <param name="backups">-BackupPath: each destination is backed up before the engine reads it.</param>
        /// <param name="activity">The run's progress bar, e.g. "Syncing from 127.0.0.1:4370".</param>
        /// <param name="childActivity">Each destination's bar, with {0} for its name, e.g. "Syncing to {0}".</param>
        public EngineRun(ZkCmdlet cmdlet, string source, IReadOnlyCollection<ZkSession> destinations,
            DestinationBackups? backups, string activity, string childActivity)
        {
            _cmdlet = cmdlet;
            _source = source;
            _backups = backups;
            _bars = new SyncProgressBars(cmdlet, activity, childActivity, destinations.Count);
            Destinations = destinations.Select(Endpoint).ToList();
        }

        /// <summary>The endpoints of the destination sessions, in order.</summary>
        public IReadOnlyList<SyncEndpoint> Destinations { get; }

        /// <summary>Set when ShouldProcess answered for -WhatIf: journal records of the run say so.</summary>
        public bool WhatIf { get; set; }

        /// <summary>The source of a live session (the caller keeps it open).</summary>
        public static SyncEndpoint Source(ZkSession session) => SyncEndpoint.Of(new ZkClientSyncDevice(session.Client));

        /// <summary>The session the engine reported about.</summary>
        public ZkSession SessionOf(SyncEndpoint? endpoint) =>
            endpoint != null && _sessions.TryGetValue(endpoint, out ZkSession? session)
                ? session
                : throw new InvalidOperationException("The engine reported on a destination this run did not give it.");

        /// <summary>The engine's OnItem: journals a failure and hands the result to <paramref name="write"/>.</summary>
        public Action<SyncItemResult> OnItem(Action<SyncItemResult> write) => item => _cmdlet.Pump.Post(() =>
        {
            _cmdlet.Journal.NoteItem(item);
            write(item);
        });

        /// <summary>
        /// The engine's OnSummary: closes the destination's bar, journals it, warns when the device was left disabled,
        /// writes SyncDestinationFailed for a failed one, then hands it to <paramref name="write"/>.
        /// </summary>
        public Action<SyncSummary> OnSummary(Action<SyncSummary>? write = null) =>
            summary => _cmdlet.Pump.Post(() => Finished(summary, write));

        /// <summary>The engine's Progress: one bar per destination under the run's bar.</summary>
        public IProgress<SyncProgress> Progress => new PostedProgress<SyncProgress>(_cmdlet.Pump,
            p => _bars.Report(p.Endpoint!, SessionOf(p.Endpoint).Device, p));

        /// <summary>An engine confirmation hook that asks on the pipeline thread.</summary>
        public Func<SyncConfirmation, CancellationToken, Task<bool>> OnPipeline(Func<SyncConfirmation, bool> ask) =>
            (request, ct) => _cmdlet.Pump.InvokeAsync(() => ask(request), ct);

        /// <summary>Runs <paramref name="engine"/>; throws what it throws (source unreadable, Ctrl+C).</summary>
        public SyncReport Run(Func<CancellationToken, Task<SyncReport>> engine)
        {
            try
            {
                return _cmdlet.Run(engine);
            }
            finally
            {
                _bars.CompleteAll();
            }
        }

        /// <summary>Warns once per destination about kinds that cannot go there (algorithm mismatch, no face or photo
        /// function).</summary>
        public void WarnUnsupported(ZkCapabilities source, SyncDataKinds kinds)
        {
            foreach (ZkSession destination in _sessions.Values)
            {
                var support = KindSupport.Between(source, destination.Capabilities, kinds);
                foreach (SyncDataKinds kind in SyncDataKind.Each)
                {
                    string? reason = kinds.Has(kind) ? support.SkipReason(kind) : null;
                    // "The source has none" is not worth a warning: there is nothing to lose.
                    if (reason != null && !reason.StartsWith("the source", StringComparison.Ordinal))
                        _cmdlet.WriteWarning($"{destination.Device}: {kind} skipped: {reason}.");
                }
            }
        }

        private SyncEndpoint Endpoint(ZkSession session)
        {
            var endpoint = new SyncEndpoint(session.Client.Device, async ct =>
            {
                if (session.State == ZkSessionState.Closed)
                {
                    throw new ZkConnectionException(
                        $"Session {session.Id} to {session.Device} is closed; run Connect-ZkDevice again.",
                        session.Device);
                }
                var device = new ZkClientSyncDevice(session.Client);
                if (_backups != null) await _backups.WriteAsync(session, device, ct).ConfigureAwait(false);
                return device;
            }, ownsDevice: false);
            _sessions.Add(endpoint, session);
            return endpoint;
        }

        private void Finished(SyncSummary summary, Action<SyncSummary>? write)
        {
            ZkSession session = SessionOf(summary.Endpoint);
            _bars.Complete(summary.Endpoint!);
            // The one place every engine-run command (Sync-, Import-, Copy-Zk*) journals a destination.
            _cmdlet.Journal.Summary(summary, _source, session.Device, session.SerialNumber, WhatIf);
            // A device left disabled matches nobody: say so on the warning stream too, not only in the error.
            if (summary.NotReEnabled != null)
                _cmdlet.WriteWarning($"{session.Device}: {summary.NotReEnabled}");
            // A cancelled run ends with PipelineStoppedException; its summaries are not failures of their own.
            if (summary.Error != null && !_cmdlet.Stopping)
                _cmdlet.WriteError(
                    ErrorFactory.Create(
                        ErrorIds.SyncDestinationFailed,
                        ErrorCategory.ResourceUnavailable,
                        $"{session.Device}: {summary.Error}",
                        session
                    )
                );
            write?.Invoke(summary);
        }

        /// <summary>The backup file -BackupPath wrote of a destination, or null.</summary>
        public string? BackupOf(SyncSummary summary) => _backups?.FileOf(SessionOf(summary.Endpoint));
    }
}
