using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Copying
{
    /// <summary>
    /// Copies users (and/or their fingerprints, faces, photo) from one session to another through the client, in as
    /// few round trips as the protocol allows: every user record and fingerprint in one bulk upload per destination,
    /// then faces and photos user by user. Asks ShouldProcess once per user per destination and reports one
    /// <see cref="ZkCopyResult"/> per approved user. Stands in until the sync engine (issue 5) offers a shared copy path.
    /// </summary>
    internal sealed class UserCopier
    {
        private readonly ZkSessionCmdlet _cmdlet;
        private readonly HashSet<ZkCopyItem> _include;
        private readonly string _action;

        public UserCopier(ZkSessionCmdlet cmdlet, IEnumerable<ZkCopyItem> include, string action)
        {
            _cmdlet = cmdlet;
            _include = new HashSet<ZkCopyItem>(include);
            _action = action;
        }

        public void Copy(ZkSession source, IReadOnlyList<ZkUser> users, ZkSession destination)
        {
            CopyRules rules = CopyRules.For(source.Capabilities, destination.Capabilities, _include);
            foreach (PartOutcome refusal in rules.Refusals.Where(r => !r.NothingToCopy))
                _cmdlet.WriteWarning($"{destination.Device}: {refusal.Note}.");

            List<ZkUser> approved = users.Where(u => _cmdlet.ShouldProcess(ZkSessionCmdlet.UserTarget(u.UserId, u.Name, destination), _action)).ToList();
            if (approved.Count == 0) return;

            var plans = approved.Select(u => new UserPlan(u)).ToList();
            ProgressReporter progress = _cmdlet.BeginProgress($"Copying to {destination.Device}");
            try
            {
                using var disabled = new DisabledDevice(_cmdlet, destination);
                WriteRecordsAndFingerprints(source, destination, rules, plans, progress);
                for (int i = 0; i < plans.Count; i++)
                {
                    UserPlan plan = plans[i];
                    if (plan.Blocked) continue;
                    progress.Report($"User {plan.User.UserId}: faces and photo", i, plans.Count);
                    if (rules.Faces) plan.Parts.Add(CopyFaces(source, destination, plan.User));
                    if (rules.Photos) plan.Parts.Add(CopyPhoto(source, destination, plan.User));
                }
            }
            finally
            {
                _cmdlet.EndProgress(progress);
            }

            foreach (UserPlan plan in plans)
            {
                List<PartOutcome> others = plan.Blocked ? plan.Parts : plan.Parts.Concat(rules.Refusals).ToList();
                (ZkCopyStatus status, string notes) = PartOutcome.Combine(plan.UserPart, others);
                _cmdlet.WriteObject(new ZkCopyResult(plan.User.UserId, plan.User.Name, source.Device, destination.Device, status, notes));
            }
        }

        /// <summary>User records and fingerprints that differ go up in one bulk upload (command 110).</summary>
        private void WriteRecordsAndFingerprints(ZkSession source, ZkSession destination, CopyRules rules, List<UserPlan> plans, ProgressReporter progress)
        {
            if (!rules.Users && !rules.Fingerprints && !NeedsUserOnDestination(rules)) return;

            ILookup<string, ZkFingerprint> sourcePrints = Prints(source, rules.Fingerprints);
            ILookup<string, ZkFingerprint> destinationPrints = Prints(destination, rules.Fingerprints);
            var batch = new List<UserWithFingerprints>();
            var batchPlans = new List<UserPlan>();

            foreach (UserPlan plan in plans)
            {
                ZkUser? existing = _cmdlet.FindUser(destination, plan.User.UserId);
                plan.ExistedOnDestination = existing != null;
                if (!rules.Users && existing == null)
                {
                    plan.Block(PartOutcome.Failed($"User {plan.User.UserId} is not on {destination.Device}; copy the user with Copy-ZkUser first"));
                    continue;
                }

                List<ZkFingerprint> prints = sourcePrints[plan.User.UserId].ToList();
                bool recordChanged = rules.Users && (existing == null || !Sameness.SameUser(plan.User, existing));
                bool printsChanged = rules.Fingerprints && prints.Count > 0 && !Sameness.SameFingerprints(prints, destinationPrints[plan.User.UserId].ToList());
                plan.HadPrintsOnDestination = destinationPrints[plan.User.UserId].Any();

                if (recordChanged || printsChanged)
                {
                    // Without -Include Users the destination keeps its own record; only the templates change.
                    batch.Add(new UserWithFingerprints(rules.Users ? plan.User.Clone() : existing!.Clone(), rules.Fingerprints ? prints : null));
                    batchPlans.Add(plan);
                }
                else if (rules.Users) plan.UserPart = PartOutcome.Nothing("Already identical");
                else if (rules.Fingerprints) plan.Parts.Add(prints.Count == 0 ? PartOutcome.Nothing("No fingerprints on source") : PartOutcome.Nothing("Fingerprints already identical"));
            }

            if (batch.Count == 0) return;
            try
            {
                IReadOnlyList<UserWriteResult> written = _cmdlet.Run(ct => destination.Client.WriteUsersAsync(batch, progress.Sink, ct), progress);
                foreach (UserPlan plan in batchPlans)
                {
                    UserWriteResult? result = written.FirstOrDefault(r => r.UserId == plan.User.UserId);
                    string notes = result == null ? "" : string.Join("; ", result.Truncations.Select(t => $"{t.Field} cut to '{t.Stored}'"));
                    if (rules.Users) plan.UserPart = PartOutcome.Written(existed: result != null ? !result.Created : plan.ExistedOnDestination, notes);
                    else plan.Parts.Add(PartOutcome.Written(plan.HadPrintsOnDestination, notes));
                }
            }
            catch (Exception exception)
            {
                _cmdlet.WriteFailure(exception, destination);
                foreach (UserPlan plan in batchPlans) plan.Block(PartOutcome.Failed(exception.Message));
            }
            finally
            {
                _cmdlet.Invalidate(destination, CacheKeys.Users);
                _cmdlet.Invalidate(destination, CacheKeys.Fingerprints);
            }
        }

        /// <summary>Faces and photos belong to an existing user: the user must be on the destination first.</summary>
        private bool NeedsUserOnDestination(CopyRules rules) => rules.Faces || rules.Photos;

        private ILookup<string, ZkFingerprint> Prints(ZkSession session, bool wanted)
        {
            IReadOnlyList<ZkFingerprint> prints = wanted
                ? _cmdlet.Cached(session, CacheKeys.Fingerprints, ct => session.Client.GetFingerprintsAsync(ct))
                : Array.Empty<ZkFingerprint>();
            return prints.ToLookup(p => p.UserId, StringComparer.Ordinal);
        }

        private PartOutcome CopyFaces(ZkSession source, ZkSession destination, ZkUser user) => Guard(user, () =>
        {
            IReadOnlyList<ZkFaceRecord> faces = _cmdlet.Run(ct => source.Client.GetFacesAsync(user.UserId, ct));
            if (faces.Count == 0) return PartOutcome.Nothing("No face templates on source");
            IReadOnlyList<ZkFaceRecord> existing = _cmdlet.Run(ct => destination.Client.GetFacesAsync(user.UserId, ct));
            if (Sameness.SameFaces(faces, existing)) return PartOutcome.Nothing("Face templates already identical");
            _cmdlet.Run(ct => destination.Client.WriteFacesAsync(user.UserId, faces, true, ct));
            return PartOutcome.Written(existing.Count > 0);
        });

        private PartOutcome CopyPhoto(ZkSession source, ZkSession destination, ZkUser user) => Guard(user, () =>
        {
            byte[]? photo = _cmdlet.Run(ct => source.Client.GetPhotoAsync(user.UserId, ct));
            if (photo == null || photo.Length == 0) return PartOutcome.Nothing("No photo on source");
            byte[]? existing = _cmdlet.Run(ct => destination.Client.GetPhotoAsync(user.UserId, ct));
            if (existing != null && existing.SequenceEqual(photo)) return PartOutcome.Nothing("Photo already identical");
            _cmdlet.Run(ct => destination.Client.SetPhotoAsync(user.UserId, photo, ct));
            return PartOutcome.Written(existing != null && existing.Length > 0);
        });

        /// <summary>A failure of one user's part is that user's problem: report it and go on with the next.</summary>
        private PartOutcome Guard(ZkUser user, Func<PartOutcome> copy)
        {
            try
            {
                return copy();
            }
            catch (Exception exception)
            {
                _cmdlet.WriteFailure(exception, user.UserId);
                return PartOutcome.Failed(exception.Message);
            }
        }

        /// <summary>The copy of one user to one destination, part by part.</summary>
        private sealed class UserPlan
        {
            public UserPlan(ZkUser user) => User = user;

            public ZkUser User { get; }
            public PartOutcome? UserPart { get; set; }
            public List<PartOutcome> Parts { get; } = new List<PartOutcome>();
            public bool HadPrintsOnDestination { get; set; }
            public bool ExistedOnDestination { get; set; }

            /// <summary>Set when an earlier step failed, so later parts are not attempted for this user.</summary>
            public bool Blocked { get; private set; }

            public void Block(PartOutcome failure)
            {
                Parts.Add(failure);
                Blocked = true;
            }
        }
    }
}
