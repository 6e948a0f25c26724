using System;
using System.Collections.Generic;
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
            PlanExecutor? executor = null;
            bool throttled = false;
            try
            {
                await _throttle.WaitAsync(ct).ConfigureAwait(false);
                throttled = true;
                device = await _endpoint.OpenAsync(ct).ConfigureAwait(false);
                Summary.Destination = device.Name;
                start = device.Traffic;
                _run.Sink.Progress(device.Name, "Reading destination", 0, 1);
                var snapshot = await DeviceSnapshot
                    .ReadAsync(device, options.Kinds.Has(SyncDataKinds.Fingerprints), ct)
                    .ConfigureAwait(false);
                plan = SyncPlanner.Plan(_run.Source, snapshot, DestinationProfile.Of(device), options);
                if (!options.WhatIf)
                    plan = await ConfirmAsync(plan, ct).ConfigureAwait(false);
                CapacityCheck.ThrowIfTooSmall(plan, _run.Source, snapshot);
                // Joined now, so the source reads faces and photos ahead while this destination writes users and
                // templates.
                var media = plan.PendingMedia != 0 ? _media.Activate(plan.PendingMedia) : null;
                if (media == null)
                    _media.Dispose();
                executor = new PlanExecutor(_run, device, plan, media, Report);
                try
                {
                    await executor.ExecuteAsync(ct).ConfigureAwait(false);
                }
                finally
                {
                    Summary.Verified = executor.FinalStateRead && executor.NotReEnabled == null;
                    if (executor.NotReEnabled != null) Summary.NotReEnabled = executor.NotReEnabled;
                }
                if (Summary.NotReEnabled != null) throw new ZkException(Summary.NotReEnabled, device.Name);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Summary.Error = WithNotReEnabled("Cancelled.");
                throw;
            }
            catch (Exception ex)
            {
                Summary.Error = WithNotReEnabled(ZkException.WithoutDevice(ex));
                options.Logger?.SyncFailed(ex, Summary.Destination);
                if (plan == null) Summary.Failed += _run.Source.Users.Keys.Count(UserIdFilter.From(options).Includes);
                // Unreported users may be partly written, and nothing of theirs was verified: they did not finish.
                else if (executor != null)
                {
                    foreach (var o in executor.Outcomes.Where(o => !o.Reported))
                    {
                        o.FailUser("not finished: " + ZkException.WithoutDevice(ex));
                        Report(o);
                    }
                }
            }
            finally
            {
                _media.Dispose();
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

        /// <summary>The destination-wide error, with the device left disabled added when both happened.</summary>
        private string WithNotReEnabled(string error) =>
            Summary.NotReEnabled == null || error.Contains(Summary.NotReEnabled)
                ? error
                : error.TrimEnd('.') + ". " + Summary.NotReEnabled;

        private void Report(UserOutcome outcome)
        {
            outcome.Reported = true;
            _run.Sink.Item(outcome.ToResult(_run.Source.Name, Summary.Destination, _run.Options.WhatIf), Summary);
        }

        /// <summary>
        /// Asks about every removal (so capacity counts only confirmed ones) and every source user that may be written,
        /// before anything is written; the answers make a new plan.
        /// </summary>
        private async Task<SyncPlan> ConfirmAsync(SyncPlan plan, CancellationToken ct)
        {
            var declinedRemovals = await DeclinedAsync(_run.Options.ConfirmAsync, plan.Removals,
                p => $"Remove user {p.UserId} ({p.Name}) and its fingerprints, faces and photo", ct)
                .ConfigureAwait(false);
            var declinedWrites = await DeclinedAsync(_run.Options.ConfirmWriteAsync,
                plan.SourceUsers.Where(SyncPlanner.MayWrite),
                p => $"{(p.Action == SyncAction.Added ? "Add" : "Update")} user {p.UserId} ({p.Name})", ct)
                .ConfigureAwait(false);
            return declinedRemovals.Count + declinedWrites.Count == 0
                ? plan
                : plan.WithDeclined(declinedWrites, declinedRemovals);
        }

        /// <summary>
        /// Asks <paramref name="confirm"/> about every user in order, all questions before any answer is awaited, and
        /// returns the users it declined (none when nothing asks).
        /// </summary>
        private async Task<HashSet<UserPlan>> DeclinedAsync(
            Func<SyncConfirmation, CancellationToken, Task<bool>>? confirm, IEnumerable<UserPlan> users,
            Func<UserPlan, string> action, CancellationToken ct)
        {
            var declined = new HashSet<UserPlan>();
            if (confirm == null) return declined;
            var asked = users.Select(p => (Plan: p, Answer: confirm(Confirmation(p, action(p)), ct))).ToList();
            foreach (var (p, answer) in asked)
                if (!await answer.ConfigureAwait(false)) declined.Add(p);
            return declined;
        }

        private SyncConfirmation Confirmation(UserPlan plan, string action) =>
            new SyncConfirmation(Summary.Destination, plan.UserId, plan.Name, action) { Endpoint = _endpoint };

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
