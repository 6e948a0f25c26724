using System.Collections.Generic;
using System.Linq;

namespace ZkSync.Sync
{
    /// <summary>Everything planned for one destination, before anything is written.</summary>
    public sealed class SyncPlan
    {
        internal SyncPlan(
            KindSupport support,
            IReadOnlyList<UserPlan> sourceUsers,
            IReadOnlyList<UserPlan> destinationOnly,
            IReadOnlyList<UserPlan> notFound
        )
        {
            Support = support;
            SourceUsers = sourceUsers;
            DestinationOnly = destinationOnly;
            NotFound = notFound;
        }

        public KindSupport Support { get; }

        /// <summary>Source users in scope, ordered by user id (the order media batches follow).</summary>
        public IReadOnlyList<UserPlan> SourceUsers { get; }

        /// <summary>Users in scope only on the destination: Kept, or Removed with Mirror.</summary>
        public IReadOnlyList<UserPlan> DestinationOnly { get; }

        /// <summary>Explicitly named user ids found on neither device.</summary>
        public IReadOnlyList<UserPlan> NotFound { get; }

        public IEnumerable<UserPlan> Removals => DestinationOnly.Where(p => p.Action == SyncAction.Removed);

        public IEnumerable<UserPlan> All => SourceUsers.Concat(DestinationOnly).Concat(NotFound);

        /// <summary>The media kinds to compare for some user (what to read ahead from the source).</summary>
        internal SyncDataKinds PendingMedia =>
            (SourceUsers.Any(p => p.ComparesFaces) ? SyncDataKinds.Faces : 0)
            | (SourceUsers.Any(p => p.ComparesPhotos) ? SyncDataKinds.Photos : 0);

        /// <summary>
        /// The same plan with the caller's refusals applied: declined writes skipped, declined removals kept.
        /// </summary>
        internal SyncPlan WithDeclined(ISet<UserPlan> declinedWrites, ISet<UserPlan> declinedRemovals) =>
            new SyncPlan(Support,
                SourceUsers.Select(p => declinedWrites.Contains(p) ? p.Declined() : p).ToList(),
                DestinationOnly.Select(p => declinedRemovals.Contains(p) ? p.KeptInstead() : p).ToList(),
                NotFound);
    }
}
