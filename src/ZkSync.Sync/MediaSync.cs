using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// Faces and photos for one destination, a batch of users at a time: source media come from the shared cache, the
    /// destination's are read per user, compared, written, read back and dropped. Each user's result is reported when
    /// its batch is done.
    /// </summary>
    internal sealed class MediaSync
    {
        private readonly SyncRunContext _run;
        private readonly ISyncDevice _device;
        private readonly SyncPlan _plan;
        private readonly SourceMediaCache.Consumer? _consumer;
        private readonly Action<UserPlan> _report;
        private readonly Func<CancellationToken, Task> _beforeWrite;
        private readonly SyncOptions _options;

        public MediaSync(SyncRunContext run, ISyncDevice device, SyncPlan plan, SourceMediaCache.Consumer? consumer, Action<UserPlan> report, Func<CancellationToken, Task> beforeWrite)
        {
            _run = run;
            _device = device;
            _plan = plan;
            _consumer = consumer;
            _report = report;
            _beforeWrite = beforeWrite;
            _options = run.Options;
        }

        public async Task RunAsync(CancellationToken ct)
        {
            var byId = _plan.SourceUsers.ToDictionary(p => p.UserId, StringComparer.Ordinal);
            var consumer = _consumer;
            var batches = _run.MediaBatches;
            for (int i = 0; i < batches.Count; i++)
            {
                _run.Sink.Progress(_device.Name, "Faces and photos", i, batches.Count);
                var users = batches[i].Select(id => byId[id]).ToList();
                var pending = users.Where(p => !p.Reported && (p.FacesPending || p.PhotosPending)).ToList();
                if (pending.Count > 0)
                {
                    var kinds = (pending.Any(p => p.FacesPending) ? SyncDataKinds.Faces : 0) | (pending.Any(p => p.PhotosPending) ? SyncDataKinds.Photos : 0);
                    try
                    {
                        var media = await consumer!.GetAsync(i, kinds, ct).ConfigureAwait(false);
                        foreach (var p in pending) await SyncUserAsync(p, media[p.UserId], ct).ConfigureAwait(false);
                        await CommitStagedAsync(users, ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        consumer!.Release(i);
                    }
                }
                else consumer?.Release(i);
                foreach (var p in users.Where(p => !p.Reported)) _report(p);
            }
        }

        private async Task SyncUserAsync(UserPlan p, SourceMedia media, CancellationToken ct)
        {
            if (p.FacesPending) await Guard(p, SyncDataKinds.Faces, () => FacesAsync(p, media, ct)).ConfigureAwait(false);
            if (p.PhotosPending) await Guard(p, SyncDataKinds.Photos, () => PhotoAsync(p, media, ct)).ConfigureAwait(false);
        }

        private static async Task Guard(UserPlan p, SyncDataKinds kind, Func<Task> work)
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
            {
                p.Fail(kind, $"{kind}: {ZkException.WithoutDevice(ex)}");
            }
        }

        private static bool IsNew(UserPlan p) => p.Action == SyncAction.Added;

        /// <summary>
        /// Writes the real (enabled) record of the staged new users of a batch once their faces and photo were handled, in
        /// one batch without templates (templates not listed are left alone). Faces are templates: a user whose faces could
        /// not be copied stays disabled and says so; a photo is not, so a refused photo is reported without holding the user back.
        /// </summary>
        private async Task CommitStagedAsync(IReadOnlyList<UserPlan> users, CancellationToken ct)
        {
            var staged = users.Where(p => p.Staged && !p.UserFailed).ToList();
            var ready = staged.Where(p => p.Outcome(SyncDataKinds.Faces) != KindOutcome.Failed).ToList();
            foreach (var p in staged.Except(ready))
                p.Fail(SyncDataKinds.Users, "left disabled on the destination: a new user is enabled only with its faces (run the sync again once they can be copied)");
            if (ready.Count == 0) return;
            try
            {
                await _beforeWrite(ct).ConfigureAwait(false);
                await _device.WriteUsersAsync(ready.Select(p => new UserWithFingerprints(p.Prepared!.ToWrite!)).ToList(), ct).ConfigureAwait(false);
                foreach (var p in ready) p.Staged = false;
            }
            catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
            {
                foreach (var p in ready) p.Fail(SyncDataKinds.Users, "left disabled on the destination: enabling it failed: " + ZkException.WithoutDevice(ex));
            }
        }

        private async Task FacesAsync(UserPlan p, SourceMedia media, CancellationToken ct)
        {
            if (media.FacesError != null)
            {
                p.Fail(SyncDataKinds.Faces, media.FacesError);
                return;
            }
            var source = media.Faces.Where(f => _options.IncludeLearnedFaces || !f.IsLearned).ToList();
            var existing = IsNew(p) ? Array.Empty<ZkFaceRecord>() : await _device.GetFacesAsync(p.UserId, ct).ConfigureAwait(false);
            var diff = SyncEquality.Faces(source, existing, _options.IncludeLearnedFaces);
            bool removeExtra = _options.Mirror && diff.Extra.Count > 0;
            if (diff.Extra.Count > 0 && !_options.Mirror)
                p.Note($"kept face {string.Join(", ", diff.Extra.Select(f => f.FaceId))} that only the destination has (Mirror removes it)");
            if (diff.Missing.Count == 0 && !removeExtra) return;

            p.Set(SyncDataKinds.Faces, KindOutcome.Written);
            if (_options.WhatIf) return;
            await _beforeWrite(ct).ConfigureAwait(false);
            // The device merges by FaceID: send only what differs, unless Mirror must also drop destination-only faces.
            if (!removeExtra) await _device.WriteFacesAsync(p.UserId, diff.Missing, false, ct).ConfigureAwait(false);
            else if (source.Count > 0) await _device.WriteFacesAsync(p.UserId, source, true, ct).ConfigureAwait(false);
            else await _device.DeleteFacesAsync(p.UserId, ct).ConfigureAwait(false);

            if (!_options.Verify) return;
            var stored = await _device.GetFacesAsync(p.UserId, ct).ConfigureAwait(false);
            var check = SyncEquality.Faces(source, stored, _options.IncludeLearnedFaces);
            var problems = check.MissingDetails.Concat(_options.Mirror ? check.ExtraDetails : Enumerable.Empty<string>()).ToList();
            if (problems.Count > 0) p.Fail(SyncDataKinds.Faces, "verify: " + string.Join(", ", problems));
        }

        private async Task PhotoAsync(UserPlan p, SourceMedia media, CancellationToken ct)
        {
            if (media.PhotoError != null)
            {
                p.Fail(SyncDataKinds.Photos, media.PhotoError);
                return;
            }
            var source = media.Photo;
            var existing = IsNew(p) ? null : await _device.GetPhotoAsync(p.UserId, ct).ConfigureAwait(false);
            if (SyncEquality.PhotoEqual(source, existing)) return;
            if (source == null && !_options.Mirror)
            {
                p.Note("kept the photo only the destination has (Mirror removes it)");
                return;
            }
            int max = _device.Capabilities.MaxPhotoBytes;
            if (source != null && max > 0 && source.Length > max)
            {
                p.Fail(SyncDataKinds.Photos, $"photo is {source.Length} bytes; the destination takes at most {max}");
                return;
            }

            p.Set(SyncDataKinds.Photos, KindOutcome.Written);
            if (_options.WhatIf) return;
            await _beforeWrite(ct).ConfigureAwait(false);
            if (source != null) await _device.SetPhotoAsync(p.UserId, source, ct).ConfigureAwait(false);
            else await _device.DeletePhotoAsync(p.UserId, ct).ConfigureAwait(false);

            if (!_options.Verify) return;
            var stored = await _device.GetPhotoAsync(p.UserId, ct).ConfigureAwait(false);
            if (!SyncEquality.PhotoEqual(source, stored))
                p.Fail(SyncDataKinds.Photos, source == null ? "verify: photo is still on the destination" : "verify: photo differs (SHA-256)");
        }
    }
}
