using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.Protocol.Errors;

namespace ZkSync.Sync
{
    /// <summary>
    /// Compares what a plan adds with the free space the destination reports (CMD_GET_FREE_SIZES), so a sync that
    /// cannot fit fails before the first write instead of half-way (firmware silently drops batch entries beyond
    /// capacity).
    /// </summary>
    public static class CapacityCheck
    {
        /// <summary>Problems, one line per kind that does not fit; empty when everything fits or capacity is
        /// unknown.</summary>
        public static IReadOnlyList<string> Problems(SyncPlan plan, DeviceSnapshot source, DeviceSnapshot destination)
        {
            var problems = new List<string>();
            var counts = destination.Counts;
            var written = plan.SourceUsers.Where(p => !p.IsSettled).ToList();
            var removed = plan.Removals.ToList();

            int usersAdded = written.Count(p => p.Action == SyncAction.Added) - removed.Count;
            if (counts.UserCapacity > 0 && usersAdded > counts.UsersFree)
                problems.Add(Line("users", usersAdded, counts.UsersFree, counts.UserCapacity));

            int fingersAdded =
                written.Sum(p => p.FingerprintsToWrite.Count(f => !HasFinger(destination, p.UserId, f.FingerIndex)))
                - written.Sum(p => p.FingerprintsToDelete.Count)
                - removed.Sum(p => p.FingerprintsToDelete.Count);
            if (counts.FingerprintCapacity > 0 && fingersAdded > counts.FingerprintsFree)
                problems.Add(
                    Line("fingerprint templates", fingersAdded, counts.FingerprintsFree, counts.FingerprintCapacity)
                );

            // Face capacity counts users with faces. Which source users have faces is only known once they are read, so
            // the estimate is the new users, capped by how many users have faces on the source.
            if (counts.FaceCapacity > 0 && plan.Support.Active.Has(SyncDataKinds.Faces))
            {
                int newUsers = written.Count(p => p.Action == SyncAction.Added && p.ComparesFaces);
                int faceUsers = source.Counts.HasFaceFields
                    ? Math.Min(newUsers, source.Counts.UsersWithFaces)
                    : newUsers;
                int faceFree = Math.Max(0, counts.FaceCapacity - counts.UsersWithFaces);
                if (faceUsers > faceFree)
                    problems.Add(Line("users with faces", faceUsers, faceFree, counts.FaceCapacity));
            }
            return problems;
        }

        /// <summary>Throws <see cref="ZkCapacityException"/> naming every kind that does not fit and how many
        /// do.</summary>
        public static void ThrowIfTooSmall(SyncPlan plan, DeviceSnapshot source, DeviceSnapshot destination)
        {
            var problems = Problems(plan, source, destination);
            if (problems.Count > 0)
                throw new ZkCapacityException(
                    $"Not enough room: {string.Join("; ", problems)}. Nothing was written.",
                    destination.Name
                );
        }

        private static bool HasFinger(DeviceSnapshot destination, string userId, int finger) =>
            destination.FingerprintsOf(userId).Any(f => f.FingerIndex == finger);

        private static string Line(string what, int needed, int free, int capacity) =>
            $"the sync adds {needed} {what} but only {Math.Max(0, free)} fit (capacity {capacity})";
    }
}
