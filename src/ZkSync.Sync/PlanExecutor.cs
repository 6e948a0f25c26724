using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// Carries out a plan on one destination: removals, batched user+template uploads, Mirror's template deletions, bulk
    /// verification, then faces and photos a batch of users at a time. New users whose faces or photo follow are written
    /// disabled and enabled once those are in (<see cref="UserPlan.Staged"/>), so a run cut off at any point leaves every
    /// destination user either as it was or complete, or as an unusable placeholder the next run completes. The destination is disabled before the first
    /// write only (a run with nothing to write leaves it alone) and always re-enabled, with a fresh token, even when
    /// cancelled. In WhatIf mode everything is read and compared and nothing is written.
    /// </summary>
    internal sealed class PlanExecutor
    {
        /// <summary>
        /// Covers the one refresh owed for the run's last writes (firmware reloads its databases and matchers: seconds on a
        /// full device) and the enable itself, each bounded by the session's own request timeout and reconnects.
        /// </summary>
        private static readonly TimeSpan EnableTimeout = TimeSpan.FromSeconds(30);
        private readonly SyncRunContext _run;
        private readonly ISyncDevice _device;
        private readonly SyncPlan _plan;
        private readonly SourceMediaCache.Consumer? _media;
        private readonly Action<UserPlan> _report;
        private readonly SyncOptions _options;
        private bool _disabled;

        /// <param name="media">This destination's place in the source media cache; null when no faces or photos are pending.</param>
        public PlanExecutor(SyncRunContext run, ISyncDevice device, SyncPlan plan, SourceMediaCache.Consumer? media, Action<UserPlan> report)
        {
            _run = run;
            _device = device;
            _plan = plan;
            _media = media;
            _report = report;
            _options = run.Options;
        }

        public async Task ExecuteAsync(CancellationToken ct)
        {
            bool failed = false;
            try
            {
                foreach (var kept in _plan.DestinationOnly.Where(p => p.Action == SyncAction.Kept)) _report(kept);
                foreach (var skipped in _plan.SourceUsers.Where(p => p.UserSkipped || p.UserFailed)) _report(skipped);
                if (!_options.WhatIf)
                {
                    await RemoveAsync(ct).ConfigureAwait(false);
                    await WriteBatchesAsync(ct).ConfigureAwait(false);
                    await DeleteExtraFingersAsync(ct).ConfigureAwait(false);
                    if (_options.Verify) await VerifyUsersAndFingerprintsAsync(ct).ConfigureAwait(false);
                }
                foreach (var removed in _plan.Removals) _report(removed);
                await new MediaSync(_run, _device, _plan, _media, _report, EnsureDisabledAsync).RunAsync(ct).ConfigureAwait(false);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                // A failed re-enable is this run's error unless another error (or cancellation) is already on its way.
                if (_disabled) await EnableAsync(throwOnFailure: !failed).ConfigureAwait(false);
            }
        }

        private async Task EnsureDisabledAsync(CancellationToken ct)
        {
            if (_disabled) return;
            _disabled = true; // set first: a disable that timed out may still have reached the device
            await _device.DisableAsync(ct).ConfigureAwait(false);
        }

        private async Task EnableAsync(bool throwOnFailure)
        {
            using var cts = new CancellationTokenSource(EnableTimeout);
            try
            {
                await _device.EnableAsync(cts.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _options.Logger?.ReEnableFailed(ex, _device.Name);
                if (throwOnFailure) throw new ZkException("Could not re-enable the device after writing; enable it (Enable-ZkDevice) or restart it.", _device.Name, inner: ex);
            }
        }

        private async Task RemoveAsync(CancellationToken ct)
        {
            var removals = _plan.Removals.ToList();
            for (int i = 0; i < removals.Count; i++)
            {
                var p = removals[i];
                _run.Sink.Progress(_device.Name, "Removing destination-only users", i, removals.Count);
                await EnsureDisabledAsync(ct).ConfigureAwait(false);
                try
                {
                    if (await _device.DeleteUserAsync(p.UserId, ct).ConfigureAwait(false)) p.Note("only on the destination; removed with its fingerprints, faces and photo (Mirror)");
                    else p.Fail(SyncDataKinds.Users, "the destination no longer had this user");
                }
                catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
                {
                    p.Fail(SyncDataKinds.Users, ZkException.WithoutDevice(ex));
                }
            }
        }

        private async Task WriteBatchesAsync(CancellationToken ct)
        {
            var batches = UserBatcher.Split(_plan.SourceUsers, _device.Capabilities.UserFormat, _options.MaxBatchBytes, _options.MaxBatchUsers);
            for (int i = 0; i < batches.Count; i++)
            {
                _run.Sink.Progress(_device.Name, "Writing users and fingerprints", i, batches.Count);
                var batch = batches[i];
                foreach (var p in batch) p.Staged = UserBatcher.ShouldStage(p);
                await EnsureDisabledAsync(ct).ConfigureAwait(false);
                try
                {
                    var results = await _device.WriteUsersAsync(batch.Select(UserBatcher.Entry).ToList(), ct).ConfigureAwait(false);
                    var byId = results.GroupBy(r => r.UserId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                    foreach (var p in batch)
                    {
                        if (!byId.TryGetValue(p.UserId, out var r)) p.FailUser("the device did not confirm the write");
                        else
                        {
                            foreach (var t in r.Truncations) p.Note(t.ToString());
                            foreach (var refusal in r.TemplateFailures) p.Fail(SyncDataKinds.Fingerprints, refusal);
                        }
                    }
                }
                catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
                {
                    foreach (var p in batch) p.FailUser(ZkException.WithoutDevice(ex));
                }
            }
        }

        private async Task DeleteExtraFingersAsync(CancellationToken ct)
        {
            foreach (var p in _plan.SourceUsers.Where(p => !p.UserFailed && p.FingerprintsToDelete.Count > 0))
            {
                await EnsureDisabledAsync(ct).ConfigureAwait(false);
                foreach (var f in p.FingerprintsToDelete)
                {
                    try
                    {
                        await _device.DeleteFingerprintAsync(p.UserId, f.FingerIndex, ct).ConfigureAwait(false);
                        p.Note($"removed finger {f.FingerIndex} that only the destination had (Mirror)");
                    }
                    catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
                    {
                        p.Fail(SyncDataKinds.Fingerprints, $"finger {f.FingerIndex}: {ZkException.WithoutDevice(ex)}");
                    }
                }
            }
        }

        /// <summary>One bulk read of users (and templates when any were touched) checks every write and removal.</summary>
        private async Task VerifyUsersAndFingerprintsAsync(CancellationToken ct)
        {
            var written = _plan.SourceUsers.Where(p => !p.UserFailed && (p.NeedsBatch || p.FingerprintsToDelete.Count > 0)).ToList();
            var removed = _plan.Removals.Where(p => p.Outcome(SyncDataKinds.Users) == KindOutcome.Written).ToList();
            if (written.Count == 0 && removed.Count == 0) return;
            _run.Sink.Progress(_device.Name, "Verifying users and fingerprints", 0, 1);
            bool fingers = written.Any(p => p.FingerprintsToWrite.Count > 0 || p.FingerprintsToDelete.Count > 0);
            var after = await DeviceSnapshot.ReadAsync(_device, fingers, ct).ConfigureAwait(false);

            foreach (var p in removed)
                if (after.Users.ContainsKey(p.UserId)) p.Fail(SyncDataKinds.Users, "verify: user is still on the destination");
            foreach (var p in written)
            {
                if (!after.Users.TryGetValue(p.UserId, out var stored))
                {
                    p.FailUser("verify: user is not on the destination after writing");
                    continue;
                }
                if (p.WriteUserRecord)
                {
                    var differs = SyncEquality.UserDifferences(p.Staged ? UserBatcher.StagedRecord(p) : p.Prepared!.ToWrite!, stored);
                    if (differs.Count > 0) p.Fail(SyncDataKinds.Users, "verify: " + string.Join(", ", differs) + " differs");
                }
                if (fingers) VerifyFingers(p, after.FingerprintsOf(p.UserId));
            }
        }

        private static void VerifyFingers(UserPlan p, IReadOnlyList<ZkFingerprint> stored)
        {
            var diff = SyncEquality.Fingerprints(p.FingerprintsToWrite, stored);
            var problems = diff.MissingDetails.ToList();
            // Firmware ACKs batch templates it does not keep (capacity reached, another algorithm); say so, as only this read shows it.
            if (problems.Count > 0) problems[problems.Count - 1] += " (the device acknowledged the write but did not keep it: full, or not its fingerprint algorithm)";
            foreach (var f in p.FingerprintsToDelete)
                if (stored.Any(s => s.FingerIndex == f.FingerIndex)) problems.Add($"finger {f.FingerIndex} still on the destination");
            if (problems.Count > 0) p.Fail(SyncDataKinds.Fingerprints, "verify: " + string.Join(", ", problems));
        }
    }
}
