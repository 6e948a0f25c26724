using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// Carries out a plan on one destination and owns each user's <see cref="UserOutcome"/>: removals, batched
    /// user+template uploads, Mirror's template deletions, faces and photos a batch of users at a time, then (with
    /// Verify) one bulk read of the final state that decides every written user's result. A user that should end
    /// enabled is held disabled while its faces or photo are written (<see cref="UserPlan.StagedFirst"/>, <see
    /// cref="MediaSync"/>), so a run cut off at any point leaves every destination user as it was, complete, or as an
    /// unusable placeholder the next run completes. The destination is disabled before the first write only and always
    /// re-enabled, even when cancelled or failed. In WhatIf mode everything is read and compared and nothing is
    /// written.
    /// </summary>
    internal sealed class PlanExecutor
    {
        private readonly SyncRunContext _run;
        private readonly ISyncDevice _device;
        private readonly SyncPlan _plan;
        private readonly SourceMediaCache.Consumer? _media;
        private readonly Action<UserOutcome> _report;
        private readonly SyncOptions _options;
        private readonly Dictionary<UserPlan, UserOutcome> _outcomes = new Dictionary<UserPlan, UserOutcome>();
        private bool _disabled;

        /// <param name="media">
        /// This destination's place in the source media cache; null when no faces or photos are pending.
        /// </param>
        public PlanExecutor(SyncRunContext run, ISyncDevice device, SyncPlan plan, SourceMediaCache.Consumer? media,
            Action<UserOutcome> report)
        {
            _run = run;
            _device = device;
            _plan = plan;
            _media = media;
            _report = report;
            _options = run.Options;
            foreach (var p in plan.All) _outcomes[p] = new UserOutcome(p);
        }

        public IEnumerable<UserOutcome> Outcomes => _outcomes.Values;

        /// <summary>
        /// Every written user's final state was read back (Verify on, not WhatIf, nothing cut the run short).
        /// </summary>
        public bool FinalStateRead { get; private set; }

        /// <summary>
        /// Why the destination could not be enabled again after writing; null when it was (or was never disabled).
        /// </summary>
        public string? NotReEnabled { get; private set; }

        private bool ReadsBackFinalState => _options.Verify && !_options.WhatIf;

        public async Task ExecuteAsync(CancellationToken ct)
        {
            try
            {
                foreach (var missing in _plan.NotFound) _report(_outcomes[missing]);
                foreach (var kept in _plan.DestinationOnly.Where(p => p.Action == SyncAction.Kept))
                    _report(_outcomes[kept]);
                foreach (var settled in _plan.SourceUsers.Where(p => p.IsSettled)) _report(_outcomes[settled]);
                if (!_options.WhatIf)
                {
                    await RemoveAsync(ct).ConfigureAwait(false);
                    await WriteBatchesAsync(ct).ConfigureAwait(false);
                    await DeleteExtraFingersAsync(ct).ConfigureAwait(false);
                }
                var source = _plan.SourceUsers.Select(p => _outcomes[p]).ToList();
                var reportPerBatch = ReadsBackFinalState ? null : _report;
                await new MediaSync(_run, _device, source, _media, reportPerBatch, EnsureDisabledAsync)
                    .RunAsync(ct).ConfigureAwait(false);
                if (ReadsBackFinalState)
                {
                    await new FinalReadBack(_run, _device, _plan, _outcomes, EnsureDisabledAsync)
                        .RunAsync(ct).ConfigureAwait(false);
                    FinalStateRead = true;
                }
                foreach (var o in _plan.All.Select(p => _outcomes[p]).Where(o => !o.Reported))
                {
                    o.Verified = FinalStateRead;
                    _report(o);
                }
            }
            finally
            {
                if (_disabled) await EnableAsync().ConfigureAwait(false);
            }
        }

        private async Task EnsureDisabledAsync(CancellationToken ct)
        {
            if (_disabled) return;
            _disabled = true; // set first: a disable that timed out may still have reached the device
            await _device.DisableAsync(ct).ConfigureAwait(false);
        }

        /// <summary>
        /// With no token of the run's: it goes out after cancellation and failures too. The device bounds every step
        /// with its own request timeout, retries and reconnects.
        /// </summary>
        private async Task EnableAsync()
        {
            try
            {
                await _device.EnableAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _options.Logger?.ReEnableFailed(ex, _device.Name);
                NotReEnabled = "Could not re-enable the device after writing ("
                    + ZkException.WithoutDevice(ex).TrimEnd('.')
                    + "); it matches nobody until it is enabled: run Enable-ZkDevice or restart it.";
            }
        }

        private async Task RemoveAsync(CancellationToken ct)
        {
            var removals = _plan.Removals.ToList();
            for (int i = 0; i < removals.Count; i++)
            {
                var o = _outcomes[removals[i]];
                _run.Sink.Progress(_device.Name, "Removing destination-only users", i, removals.Count);
                await EnsureDisabledAsync(ct).ConfigureAwait(false);
                try
                {
                    if (await _device.DeleteUserAsync(o.UserId, ct).ConfigureAwait(false))
                        o.Note("only on the destination; removed with its fingerprints, faces and photo (Mirror)");
                    else o.Fail(SyncDataKinds.Users, "the destination no longer had this user");
                }
                catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
                {
                    o.Fail(SyncDataKinds.Users, ZkException.WithoutDevice(ex));
                }
            }
        }

        private async Task WriteBatchesAsync(CancellationToken ct)
        {
            var batches = UserBatcher.Split(
                _plan.SourceUsers, _device.Capabilities.UserFormat, _options.MaxBatchBytes, _options.MaxBatchUsers);
            for (int i = 0; i < batches.Count; i++)
            {
                _run.Sink.Progress(_device.Name, "Writing users and fingerprints", i, batches.Count);
                var batch = batches[i].Select(p => _outcomes[p]).ToList();
                foreach (var o in batch.Where(o => o.Plan.StagedFirst)) o.HeldDisabled = o.WasHeldDisabled = true;
                await EnsureDisabledAsync(ct).ConfigureAwait(false);
                try
                {
                    var entries = batch.Select(o => UserBatcher.Entry(o.Plan, o.HeldDisabled)).ToList();
                    var results = await _device.WriteUsersAsync(entries, _options.UploadCheck, ct)
                        .ConfigureAwait(false);
                    var byId = results.GroupBy(r => r.UserId, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                    foreach (var o in batch)
                    {
                        if (!byId.TryGetValue(o.UserId, out var r)) o.FailUser("the device did not confirm the write");
                        else
                        {
                            foreach (var t in r.Truncations) o.Note(t.ToString());
                            foreach (var refusal in r.TemplateFailures) o.Fail(SyncDataKinds.Fingerprints, refusal);
                        }
                    }
                }
                catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
                {
                    foreach (var o in batch) o.FailUser(ZkException.WithoutDevice(ex));
                }
            }
        }

        private async Task DeleteExtraFingersAsync(CancellationToken ct)
        {
            var deleting = _plan.SourceUsers.Select(p => _outcomes[p])
                .Where(o => o.IsOpen && o.Plan.FingerprintsToDelete.Count > 0);
            foreach (var o in deleting.ToList())
            {
                await EnsureDisabledAsync(ct).ConfigureAwait(false);
                foreach (var f in o.Plan.FingerprintsToDelete)
                {
                    try
                    {
                        await _device.DeleteFingerprintAsync(o.UserId, f.FingerIndex, ct).ConfigureAwait(false);
                        o.Note($"removed finger {f.FingerIndex} that only the destination had (Mirror)");
                    }
                    catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
                    {
                        o.Fail(SyncDataKinds.Fingerprints, $"finger {f.FingerIndex}: {ZkException.WithoutDevice(ex)}");
                    }
                }
            }
        }
    }
}
