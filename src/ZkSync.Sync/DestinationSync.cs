using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Errors;

namespace ZkSync.Sync
{
    /// <summary>
    /// One destination of a run: open, snapshot, plan, confirm removals, check capacity, then execute and report. Every
    /// failure ends as this destination's summary (and Failed items), never as an exception to the other destinations;
    /// only cancellation propagates.
    /// </summary>
    internal sealed class DestinationSync
    {
        private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(5);
        private readonly SyncRunContext _run;
        private readonly SyncEndpoint _endpoint;
        private readonly SemaphoreSlim _throttle;
        private readonly SourceMediaCache.Consumer _media;

        public DestinationSync(SyncRunContext run, SyncEndpoint endpoint, SemaphoreSlim throttle)
        {
            _run = run;
            _endpoint = endpoint;
            _throttle = throttle;
            // Registered before any destination starts, so the cache keeps each batch until this one has passed it.
            _media = run.Media.Register();
        }

        public SyncSummary Summary { get; } = new SyncSummary();

        public async Task RunAsync(CancellationToken ct)
        {
            var options = _run.Options;
            Summary.Source = _run.Source.Name;
            Summary.Destination = _endpoint.Name;
            Summary.WhatIf = options.WhatIf;
            var clock = Stopwatch.StartNew();
            ISyncDevice? device = null;
            SyncTraffic start = default;
            SyncPlan? plan = null;
            bool throttled = false;
            UploadHashCheck? hashCheck = null;
            try
            {
                await _throttle.WaitAsync(ct).ConfigureAwait(false);
                throttled = true;
                device = await _endpoint.OpenAsync(ct).ConfigureAwait(false);
                hashCheck = UploadHashCheck.ForRun(device, options);
                Summary.Destination = device.Name;
                start = device.Traffic;
                _run.Sink.Progress(device.Name, "Reading destination", 0, 1);
                var snapshot = await DeviceSnapshot.ReadAsync(device, options.Kinds.Has(SyncDataKinds.Fingerprints), ct).ConfigureAwait(false);
                plan = SyncPlanner.Plan(_run.Source, snapshot, DestinationProfile.Of(device), options);
                foreach (var missing in plan.NotFound) Report(missing);
                if (!options.WhatIf) await ConfirmRemovalsAsync(plan, ct).ConfigureAwait(false);
                if (!options.WhatIf) await ConfirmWritesAsync(plan, ct).ConfigureAwait(false);
                CapacityCheck.ThrowIfTooSmall(plan, _run.Source, snapshot);
                // Joined now, so the source reads faces and photos ahead while this destination writes users and templates.
                var media = plan.PendingMedia != 0 ? _media.Activate(plan.PendingMedia) : null;
                if (media == null) _media.Dispose();
                await new PlanExecutor(_run, device, plan, media, Report).ExecuteAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Summary.Error = "Cancelled.";
                throw;
            }
            catch (Exception ex)
            {
                Summary.Error = ZkException.WithoutDevice(ex);
                options.Logger?.SyncFailed(ex, Summary.Destination);
                if (plan == null) Summary.Failed += _run.Source.Users.Keys.Count(UserIdFilter.From(options).Includes);
                // Unreported users may be partly written, and nothing of theirs was verified: they did not finish.
                else foreach (var p in plan.All.Where(p => !p.Reported)) { p.FailUser("not finished: " + ZkException.WithoutDevice(ex)); Report(p); }
            }
            finally
            {
                _media.Dispose();
                hashCheck?.Restore();
                if (device != null)
                {
                    var used = device.Traffic - start;
                    Summary.BytesUploaded = used.UploadedBytes;
                    Summary.BytesDownloaded = used.BytesReceived;
                    Summary.Requests = used.Requests;
                    if (_endpoint.OwnsDevice) await CloseQuietlyAsync(device).ConfigureAwait(false);
                }
                if (throttled) _throttle.Release();
                Summary.Duration = clock.Elapsed;
                options.Logger?.SyncDone(Summary.Source, Summary, Summary.Duration);
                _run.Sink.Summary(Summary);
            }
        }

        private void Report(UserPlan plan)
        {
            plan.Reported = true;
            _run.Sink.Item(plan.ToResult(_run.Source.Name, Summary.Destination, _run.Options.WhatIf), Summary);
        }

        /// <summary>Asks about every removal before anything is written, so capacity can count only confirmed ones.</summary>
        private async Task ConfirmRemovalsAsync(SyncPlan plan, CancellationToken ct)
        {
            var confirm = _run.Options.ConfirmAsync;
            if (confirm == null) return;
            var asked = plan.Removals.ToList().Select(p => (Plan: p, Answer: confirm(
                new SyncConfirmation(Summary.Destination, p.UserId, p.Name, $"Remove user {p.UserId} ({p.Name}) and its fingerprints, faces and photo"), ct))).ToList();
            foreach (var (p, answer) in asked)
                if (!await answer.ConfigureAwait(false)) SyncPlanner.KeepDeclined(p);
        }

        /// <summary>Asks about every source user that may be written, before anything is written.</summary>
        private async Task ConfirmWritesAsync(SyncPlan plan, CancellationToken ct)
        {
            var confirm = _run.Options.ConfirmWriteAsync;
            if (confirm == null) return;
            var asked = plan.SourceUsers.Where(SyncPlanner.MayWrite).ToList().Select(p => (Plan: p, Answer: confirm(
                new SyncConfirmation(Summary.Destination, p.UserId, p.Name, p.Action == SyncAction.Added ? $"Add user {p.UserId} ({p.Name})" : $"Update user {p.UserId} ({p.Name})"), ct))).ToList();
            foreach (var (p, answer) in asked)
                if (!await answer.ConfigureAwait(false)) SyncPlanner.SkipDeclined(p);
        }

        private async Task CloseQuietlyAsync(ISyncDevice device)
        {
            using var cts = new CancellationTokenSource(CleanupTimeout);
            try
            {
                await device.CloseAsync(cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _run.Options.Logger?.CloseFailed(ex, device.Name);
            }
        }
    }
}
