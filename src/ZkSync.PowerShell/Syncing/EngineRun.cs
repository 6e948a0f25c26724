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
    /// One run of the sync engine for a cmdlet (Sync-, Import-, Copy-Zk*): sessions become endpoints the engine opens in
    /// turn, and everything the engine reports from its worker threads (results, summaries, progress, log lines) is
    /// written from the pipeline thread as it happens. A destination that fails gets a non-terminating
    /// ZkSync.SyncDestinationFailed error; the others go on.
    /// </summary>
    internal sealed class EngineRun
    {
        private readonly ZkCmdlet _cmdlet;
        private readonly SyncProgressBars _bars;

        /// <param name="destinations">Destinations of the run, for the parent progress bar (0 = unknown).</param>
        public EngineRun(ZkCmdlet cmdlet, IEnumerable<ZkSession> sessions, string activity, string childActivity,
            int destinations = 0)
        {
            _cmdlet = cmdlet;
            Names = new SessionNames(sessions);
            _bars = new SyncProgressBars(cmdlet, activity, childActivity, destinations);
        }

        public SessionNames Names { get; }

        /// <summary>A destination the engine opens when it gets to it; with <paramref name="backups"/>, backed up first.</summary>
        public static SyncEndpoint Endpoint(ZkSession session, DestinationBackups? backups) =>
            new SyncEndpoint(SessionNames.EngineName(session), async ct =>
            {
                if (session.State == ZkSessionState.Closed)
                    throw new ZkConnectionException($"Session {session.Id} to {session.Device} is closed; run Connect-ZkDevice again.", session.Device);
                var device = new ZkClientSyncDevice(session.Client);
                if (backups != null) await backups.WriteAsync(device, session.SerialNumber, ct).ConfigureAwait(false);
                return device;
            }, ownsDevice: false);

        /// <summary>The source of a live session (the caller keeps it open).</summary>
        public static SyncEndpoint Source(ZkSession session) => SyncEndpoint.Of(new ZkClientSyncDevice(session.Client));

        /// <summary>Warns once per destination about kinds that cannot go there (algorithm mismatch, no face or photo function).</summary>
        public void WarnUnsupported(ZkCapabilities source, IEnumerable<ZkSession> destinations, SyncDataKinds kinds)
        {
            foreach (ZkSession destination in destinations)
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

        /// <summary>
        /// Runs <paramref name="engine"/> with <paramref name="options"/> wired to this cmdlet; <paramref name="onItem"/> and
        /// <paramref name="onSummary"/> run on the pipeline thread. Throws what the engine throws (source unreadable, Ctrl+C).
        /// </summary>
        public SyncReport Run(SyncOptions options, Func<SyncOptions, CancellationToken, Task<SyncReport>> engine,
            Action<SyncItemResult> onItem, Action<SyncSummary>? onSummary = null)
        {
            PipelineDispatcher dispatcher = _cmdlet.Dispatcher;
            options.OnItem = item => dispatcher.Post(() =>
            {
                _cmdlet.Journal.NoteItem(item);
                onItem(item);
            });
            options.OnSummary = summary => dispatcher.Post(() => Finished(summary, options.Verify, onSummary));
            options.Progress = new PostedProgress<SyncProgress>(dispatcher, p => _bars.Report(Names.Display(p.Destination), p));
            options.Logger = _cmdlet.State.Log;
            try
            {
                return _cmdlet.Run(ct => engine(options, ct));
            }
            finally
            {
                _bars.CompleteAll();
            }
        }

        /// <summary>Runs <paramref name="ask"/> on the pipeline thread for an engine confirmation hook.</summary>
        public Func<SyncConfirmation, CancellationToken, Task<bool>> OnPipeline(Func<SyncConfirmation, bool> ask) =>
            (request, ct) => _cmdlet.Dispatcher.InvokeAsync(() => ask(request), ct);

        private void Finished(SyncSummary summary, bool verified, Action<SyncSummary>? onSummary)
        {
            _bars.Complete(Names.Display(summary.Destination));
            // The one place every engine-run command (Sync-, Import-, Copy-Zk*) reports a destination: the journal hook.
            _cmdlet.Journal.Summary(summary, Names.Display(summary.Source), Names.Display(summary.Destination), Names.Session(summary.Destination)?.SerialNumber, verified);
            // A cancelled run ends with PipelineStoppedException; its summaries are not failures of their own.
            if (summary.Error != null && !_cmdlet.Stopping)
                _cmdlet.WriteError(ErrorFactory.Create(ErrorIds.SyncDestinationFailed, ErrorCategory.ResourceUnavailable,
                    $"{Names.Display(summary.Destination)}: {summary.Error}", (object?)Names.Session(summary.Destination) ?? summary.Destination));
            onSummary?.Invoke(summary);
        }
    }
}
