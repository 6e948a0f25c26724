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
    /// destination's are read per user and compared; then users that should end enabled are held disabled while their
    /// media are written and read back, and enabled once everything is in (one batch write each way). With a
    /// <c>report</c> callback each user's result goes out when its batch is done; without one the executor reports
    /// after reading back the final state.
    /// </summary>
    internal sealed class MediaSync
    {
        private readonly SyncRunContext _run;
        private readonly ISyncDevice _device;
        private readonly Dictionary<string, UserOutcome> _byId;
        private readonly SourceMediaCache.Consumer? _consumer;
        private readonly Action<UserOutcome>? _report;
        private readonly Func<CancellationToken, Task> _beforeWrite;
        private readonly SyncOptions _options;

        public MediaSync(SyncRunContext run, ISyncDevice device, IEnumerable<UserOutcome> sourceUsers,
            SourceMediaCache.Consumer? consumer, Action<UserOutcome>? report, Func<CancellationToken, Task> beforeWrite)
        {
            _run = run;
            _device = device;
            _byId = sourceUsers.ToDictionary(o => o.UserId, StringComparer.Ordinal);
            _consumer = consumer;
            _report = report;
            _beforeWrite = beforeWrite;
            _options = run.Options;
        }

        public async Task RunAsync(CancellationToken ct)
        {
            var batches = _run.MediaBatches;
            for (int i = 0; i < batches.Count; i++)
            {
                _run.Sink.Progress(_device.Name, "Faces and photos", i, batches.Count);
                var users = batches[i].Select(id => _byId[id]).ToList();
                var pending = users.Where(o => !o.Reported && o.IsOpen && o.Plan.ComparesMedia).ToList();
                if (pending.Count > 0)
                {
                    var kinds = (pending.Any(o => o.Plan.ComparesFaces) ? SyncDataKinds.Faces : 0)
                        | (pending.Any(o => o.Plan.ComparesPhotos) ? SyncDataKinds.Photos : 0);
                    try
                    {
                        var media = await _consumer!.GetAsync(i, kinds, ct).ConfigureAwait(false);
                        var work = new List<MediaWork>();
                        foreach (var o in pending)
                            work.Add(await CompareAsync(o, media[o.UserId], ct).ConfigureAwait(false));
                        if (!_options.WhatIf)
                        {
                            await HoldBackAsync(work.Where(w => w.HasWrites).ToList(), ct).ConfigureAwait(false);
                            foreach (var w in work.Where(w => w.HasWrites && w.User.IsOpen))
                                await WriteAsync(w, ct).ConfigureAwait(false);
                            await EnableHeldAsync(users, ct).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        _consumer!.Release(i);
                    }
                }
                else _consumer?.Release(i);
                if (_report != null) foreach (var o in users.Where(o => !o.Reported)) _report(o);
            }
        }

        /// <summary>
        /// What differs for one user: faces to send (all of them when Mirror drops extras), photo to set or delete.
        /// </summary>
        private sealed class MediaWork
        {
            public MediaWork(UserOutcome user) => User = user;

            public UserOutcome User { get; }
            public IReadOnlyList<ZkFaceRecord> SourceFaces { get; set; } = Array.Empty<ZkFaceRecord>();
            public List<ZkFaceRecord>? FacesToSend { get; set; }
            public bool FacesExact { get; set; }
            public bool WriteFaces { get; set; }
            public bool WritePhoto { get; set; }
            public byte[]? Photo { get; set; }
            public bool HasWrites => WriteFaces || WritePhoto;
        }

        private async Task<MediaWork> CompareAsync(UserOutcome o, SourceMedia media, CancellationToken ct)
        {
            var work = new MediaWork(o);
            if (o.Plan.ComparesFaces)
                await Guard(o, SyncDataKinds.Faces, () => CompareFacesAsync(work, media, ct)).ConfigureAwait(false);
            if (o.Plan.ComparesPhotos)
                await Guard(o, SyncDataKinds.Photos, () => ComparePhotoAsync(work, media, ct)).ConfigureAwait(false);
            return work;
        }

        private static async Task Guard(UserOutcome o, SyncDataKinds kind, Func<Task> work)
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
            {
                o.Fail(kind, $"{kind}: {ZkException.WithoutDevice(ex)}");
            }
        }

        private static bool IsNew(UserOutcome o) => o.Plan.Action == SyncAction.Added;

        private async Task CompareFacesAsync(MediaWork work, SourceMedia media, CancellationToken ct)
        {
            var o = work.User;
            if (media.FacesError != null)
            {
                o.Fail(SyncDataKinds.Faces, media.FacesError);
                return;
            }
            var source = media.Faces.Where(f => _options.IncludeLearnedFaces || !f.IsLearned).ToList();
            var existing = IsNew(o)
                ? Array.Empty<ZkFaceRecord>()
                : await _device.GetFacesAsync(o.UserId, ct).ConfigureAwait(false);
            var diff = SyncEquality.Faces(source, existing, _options.IncludeLearnedFaces);
            bool removeExtra = _options.Mirror && diff.Extra.Count > 0;
            if (diff.Extra.Count > 0 && !_options.Mirror)
            {
                string kept = string.Join(", ", diff.Extra.Select(f => f.FaceId));
                o.Note($"kept face {kept} that only the destination has (Mirror removes it)");
            }
            if (diff.Missing.Count == 0 && !removeExtra) return;

            o.Set(SyncDataKinds.Faces, KindOutcome.Written);
            work.SourceFaces = source;
            work.WriteFaces = true;
            // The device merges by FaceID: send only what differs, unless Mirror must also drop destination-only faces.
            work.FacesToSend = removeExtra ? source : diff.Missing.ToList();
            work.FacesExact = removeExtra;
        }

        private async Task ComparePhotoAsync(MediaWork work, SourceMedia media, CancellationToken ct)
        {
            var o = work.User;
            if (media.PhotoError != null)
            {
                o.Fail(SyncDataKinds.Photos, media.PhotoError);
                return;
            }
            var source = media.Photo;
            var existing = IsNew(o) ? null : await _device.GetPhotoAsync(o.UserId, ct).ConfigureAwait(false);
            if (SyncEquality.PhotoEqual(source, existing)) return;
            if (source == null && !_options.Mirror)
            {
                o.Note("kept the photo only the destination has (Mirror removes it)");
                return;
            }
            int max = _device.Capabilities.MaxPhotoBytes;
            if (source != null && max > 0 && source.Length > max)
            {
                o.Fail(SyncDataKinds.Photos, $"photo is {source.Length} bytes; the destination takes at most {max}");
                return;
            }
            o.Set(SyncDataKinds.Photos, KindOutcome.Written);
            work.WritePhoto = true;
            work.Photo = source;
        }

        /// <summary>
        /// Users the destination holds enabled whose faces or photo are about to change are written disabled first (one
        /// batch), so nobody is enabled with half of them; a user that cannot be held back is not written further.
        /// </summary>
        private async Task HoldBackAsync(IReadOnlyList<MediaWork> writing, CancellationToken ct)
        {
            var hold = writing.Select(w => w.User)
                .Where(o => o.IsOpen && !o.HeldDisabled && UserBatcher.FinalRecord(o.Plan).Enabled).ToList();
            if (hold.Count == 0) return;
            try
            {
                await _beforeWrite(ct).ConfigureAwait(false);
                var records = hold.Select(o => new UserWithFingerprints(UserBatcher.StagedRecord(o.Plan))).ToList();
                await _device.WriteUsersAsync(records, _options.UploadCheck, ct).ConfigureAwait(false);
                foreach (var o in hold) o.HeldDisabled = o.WasHeldDisabled = true;
            }
            catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
            {
                string reason = "faces and photo not written: holding the user disabled meanwhile failed: "
                    + ZkException.WithoutDevice(ex);
                foreach (var o in hold) o.FailUser(reason);
            }
        }

        private async Task WriteAsync(MediaWork w, CancellationToken ct)
        {
            var o = w.User;
            if (w.WriteFaces)
                await GuardWrite(o, SyncDataKinds.Faces, () => WriteFacesAsync(w, ct)).ConfigureAwait(false);
            if (w.WritePhoto)
                await GuardWrite(o, SyncDataKinds.Photos, () => WritePhotoAsync(w, ct)).ConfigureAwait(false);
        }

        /// <summary>
        /// A write the device refused or did not keep: the device may hold part of it, so the user stays held back.
        /// </summary>
        private static async Task GuardWrite(UserOutcome o, SyncDataKinds kind, Func<Task<bool>> write)
        {
            try
            {
                if (!await write().ConfigureAwait(false)) o.MediaWriteFailed = true;
            }
            catch (ZkInvalidDataException ex)
            {
                o.Fail(kind, $"{kind}: {ZkException.WithoutDevice(ex)}"); // refused before anything was sent
            }
            catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
            {
                o.Fail(kind, $"{kind}: {ZkException.WithoutDevice(ex)}");
                o.MediaWriteFailed = true;
            }
        }

        /// <summary>False when the read-back differs.</summary>
        private async Task<bool> WriteFacesAsync(MediaWork w, CancellationToken ct)
        {
            var o = w.User;
            await _beforeWrite(ct).ConfigureAwait(false);
            if (w.FacesToSend!.Count > 0)
                await _device.WriteFacesAsync(o.UserId, w.FacesToSend, w.FacesExact, _options.UploadCheck, ct)
                    .ConfigureAwait(false);
            else await _device.DeleteFacesAsync(o.UserId, ct).ConfigureAwait(false);

            if (!_options.Verify) return true;
            var stored = await _device.GetFacesAsync(o.UserId, ct).ConfigureAwait(false);
            var check = SyncEquality.Faces(w.SourceFaces, stored, _options.IncludeLearnedFaces);
            var problems = check.MissingDetails
                .Concat(_options.Mirror ? check.ExtraDetails : Enumerable.Empty<string>()).ToList();
            if (problems.Count == 0) return true;
            o.Fail(SyncDataKinds.Faces, "verify: " + string.Join(", ", problems));
            return false;
        }

        private async Task<bool> WritePhotoAsync(MediaWork w, CancellationToken ct)
        {
            var o = w.User;
            await _beforeWrite(ct).ConfigureAwait(false);
            if (w.Photo != null)
                await _device.SetPhotoAsync(o.UserId, w.Photo, _options.UploadCheck, ct).ConfigureAwait(false);
            else await _device.DeletePhotoAsync(o.UserId, ct).ConfigureAwait(false);

            if (!_options.Verify) return true;
            var stored = await _device.GetPhotoAsync(o.UserId, ct).ConfigureAwait(false);
            if (SyncEquality.PhotoEqual(w.Photo, stored)) return true;
            o.Fail(SyncDataKinds.Photos,
                w.Photo == null ? "verify: photo is still on the destination" : "verify: photo differs (SHA-256)");
            return false;
        }

        /// <summary>
        /// Writes the real (enabled) record of the batch's held-back users whose faces and photo are in, in one batch
        /// without templates (templates not listed are left alone). A user whose faces could not be copied, or whose
        /// face or photo write failed, stays disabled and says so; a photo refused before sending does not hold the
        /// user back.
        /// </summary>
        private async Task EnableHeldAsync(IReadOnlyList<UserOutcome> users, CancellationToken ct)
        {
            var held = users.Where(o => o.HeldDisabled && !o.UserFailed).ToList();
            var ready = held.Where(o => !o.MediaWriteFailed && o.Outcome(SyncDataKinds.Faces) != KindOutcome.Failed)
                .ToList();
            foreach (var o in held.Except(ready))
            {
                o.Fail(SyncDataKinds.Users, "left disabled on the destination: a user is enabled only once its faces "
                    + "and photo are in (run the sync again once they can be copied)");
            }
            if (ready.Count == 0) return;
            try
            {
                await _beforeWrite(ct).ConfigureAwait(false);
                var records = ready.Select(o => new UserWithFingerprints(UserBatcher.FinalRecord(o.Plan))).ToList();
                await _device.WriteUsersAsync(records, _options.UploadCheck, ct).ConfigureAwait(false);
                foreach (var o in ready) o.HeldDisabled = false;
            }
            catch (Exception ex) when (SyncErrors.IsItemLevel(ex))
            {
                string reason = "left disabled on the destination: enabling it failed: "
                    + ZkException.WithoutDevice(ex);
                foreach (var o in ready) o.Fail(SyncDataKinds.Users, reason);
            }
        }
    }
}
