using System.Collections.Generic;
using System.Linq;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// Groups user writes into batch uploads whose buffer (as <see cref="BatchUploadCodec"/> lays it out) stays under a
    /// byte cap and a user cap. A single user larger than the cap goes alone.
    /// </summary>
    public static class UserBatcher
    {
        public static List<List<UserPlan>> Split(IEnumerable<UserPlan> plans, UserRecordFormat format, int maxBytes, int maxUsers)
        {
            int recordSize = UserRecordCodec.SizeOf(format);
            var batches = new List<List<UserPlan>>();
            var current = new List<UserPlan>();
            int size = BatchUploadCodec.HeaderSize;
            foreach (var plan in plans.Where(p => p.NeedsBatch))
            {
                int cost = BatchUploadCodec.SizeOf(recordSize, 1, plan.FingerprintsToWrite.Select(f => f.Template.Length)) - BatchUploadCodec.HeaderSize;
                if (current.Count > 0 && (current.Count >= maxUsers || size + cost > maxBytes))
                {
                    batches.Add(current);
                    current = new List<UserPlan>();
                    size = BatchUploadCodec.HeaderSize;
                }
                current.Add(plan);
                size += cost;
            }
            if (current.Count > 0) batches.Add(current);
            return batches;
        }

        /// <summary>
        /// What goes on the wire for a plan: the fitted source user when its record is written, otherwise the destination's
        /// own record unchanged (the batch carries a user record with every set of templates).
        /// </summary>
        public static UserWithFingerprints Entry(UserPlan plan)
        {
            ZkUser user;
            if (plan.WriteUserRecord) user = plan.Staged ? StagedRecord(plan) : plan.Prepared!.ToWrite!;
            else
            {
                user = plan.Destination!.Clone();
                user.Uid = 0;
            }
            return new UserWithFingerprints(user, plan.FingerprintsToWrite);
        }

        /// <summary>The record of a staged new user: the real one, disabled until its faces and photo are in.</summary>
        public static ZkUser StagedRecord(UserPlan plan)
        {
            var user = plan.Prepared!.ToWrite!.Clone();
            user.Enabled = false;
            return user;
        }

        /// <summary>Whether a plan's new user is written disabled first (<see cref="UserPlan.Staged"/>).</summary>
        internal static bool ShouldStage(UserPlan plan) =>
            plan.Action == SyncAction.Added && plan.WriteUserRecord && (plan.FacesPending || plan.PhotosPending) && plan.Prepared!.ToWrite!.Enabled;
    }
}
