using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// Decides, per user and per kind, what a destination needs so that it holds what the source holds: Add (not
    /// there), Update (some kind differs), Unchanged, or for destination-only users Kept (Removed with Mirror). Pure:
    /// reads two snapshots, writes nothing. Faces and photos are only marked pending; they are compared batch by batch
    /// later.
    /// </summary>
    public static class SyncPlanner
    {
        public static SyncPlan Plan(
            DeviceSnapshot source,
            DeviceSnapshot destination,
            DestinationProfile profile,
            SyncOptions options
        )
        {
            var filter = UserIdFilter.From(options);
            var support = KindSupport.Between(source.Capabilities, destination.Capabilities, options.Kinds);

            var sourceUsers = source
                .Users.Values.Where(u => filter.Includes(u.UserId))
                .OrderBy(u => u.UserId, StringComparer.Ordinal)
                .Select(u => PlanSourceUser(u, source, destination, profile, support, options))
                .ToList();

            var destinationOnly = destination
                .Users.Values.Where(u => filter.Includes(u.UserId) && !source.Users.ContainsKey(u.UserId))
                .OrderBy(u => u.UserId, StringComparer.Ordinal)
                .Select(u => PlanDestinationOnly(u, destination, support, options))
                .ToList();

            var notFound = filter
                .ExactIds.Where(id => !source.Users.ContainsKey(id) && !destination.Users.ContainsKey(id))
                .Select(id =>
                {
                    var p = new UserPlan.Builder(id, null, null) { Action = SyncAction.Unchanged };
                    foreach (var kind in SyncDataKind.Each)
                        p.Set(kind, support.Initial(kind));
                    p.Fail($"user {id} is on neither the source nor the destination");
                    return p.Build();
                })
                .ToList();

            return new SyncPlan(support, sourceUsers, destinationOnly, notFound);
        }

        private static UserPlan PlanSourceUser(
            ZkUser user,
            DeviceSnapshot source,
            DeviceSnapshot destination,
            DestinationProfile profile,
            KindSupport support,
            SyncOptions options
        )
        {
            destination.Users.TryGetValue(user.UserId, out var existing);
            var plan = new UserPlan.Builder(user.UserId, user, existing)
            {
                Action = existing == null ? SyncAction.Added : SyncAction.Unchanged,
            };
            foreach (var kind in SyncDataKind.Each)
            {
                plan.Set(kind, support.Initial(kind));
                if (plan.Outcome(kind) == KindOutcome.Skipped)
                    plan.Note(support.SkipReason(kind)!);
            }

            if (existing == null && !support.Included.Has(SyncDataKinds.Users))
            {
                plan.Skip("not on the destination; include the Users kind to create it");
                return plan.Build();
            }

            // The user record must be writable whenever it is created or its fields are included.
            if (existing == null || support.Included.Has(SyncDataKinds.Users))
            {
                plan.Prepared = PreparedUser.Prepare(
                    user,
                    profile,
                    options.AllowTruncation || profile.AllowsTruncation
                );
                if (plan.Prepared.Failure != null)
                {
                    plan.Fail(plan.Prepared.Failure);
                    return plan.Build();
                }
                foreach (var note in plan.Prepared.Notes)
                    plan.Note(note);
                plan.ChangedFields =
                    existing == null
                        ? new List<string>()
                        : SyncEquality.UserDifferences(plan.Prepared.ToWrite!, existing);
                plan.WriteUserRecord = existing == null || plan.ChangedFields.Count > 0;
                if (plan.WriteUserRecord && support.Included.Has(SyncDataKinds.Users))
                    plan.Set(SyncDataKinds.Users, KindOutcome.Written);
                if (existing != null && plan.ChangedFields.Count > 0)
                    plan.Note("changed: " + string.Join(", ", plan.ChangedFields));
            }

            if (support.Active.Has(SyncDataKinds.Fingerprints))
                PlanFingerprints(plan, source, destination, options);
            plan.ComparesFaces = support.Active.Has(SyncDataKinds.Faces);
            plan.ComparesPhotos = support.Active.Has(SyncDataKinds.Photos);
            return plan.Build();
        }

        private static void PlanFingerprints(
            UserPlan.Builder plan,
            DeviceSnapshot source,
            DeviceSnapshot destination,
            SyncOptions options
        )
        {
            var diff = SyncEquality.Fingerprints(
                source.FingerprintsOf(plan.UserId),
                destination.FingerprintsOf(plan.UserId)
            );
            plan.FingerprintsToWrite.AddRange(diff.Missing);
            if (options.Mirror)
                plan.FingerprintsToDelete.AddRange(diff.Extra);
            else if (diff.Extra.Count > 0)
                plan.Note(
                    $"kept finger {string.Join(", ", diff.Extra.Select(f => f.FingerIndex))} that only the "
                        + "destination has (Mirror removes it)"
                );
            if (plan.FingerprintsToWrite.Count > 0 || plan.FingerprintsToDelete.Count > 0)
                plan.Set(SyncDataKinds.Fingerprints, KindOutcome.Written);
        }

        private static UserPlan PlanDestinationOnly(
            ZkUser user,
            DeviceSnapshot destination,
            KindSupport support,
            SyncOptions options
        )
        {
            var plan = new UserPlan.Builder(user.UserId, null, user)
            {
                Action = options.Mirror ? SyncAction.Removed : SyncAction.Kept,
            };
            if (options.Mirror)
            {
                plan.Set(SyncDataKinds.Users, KindOutcome.Written);
                plan.FingerprintsToDelete.AddRange(destination.FingerprintsOf(user.UserId));
            }
            else
            {
                plan.Note("only on the destination; kept (Mirror removes it)");
            }
            return plan.Build();
        }

        /// <summary>
        /// A source user the run may still write: not settled, and something differs or is yet to be compared.
        /// </summary>
        internal static bool MayWrite(UserPlan plan) =>
            !plan.IsSettled && (plan.NeedsBatch || plan.FingerprintsToDelete.Count > 0 || plan.ComparesMedia);
    }
}
