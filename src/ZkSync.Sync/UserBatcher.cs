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
        public static List<List<UserPlan>> Split(
            IEnumerable<UserPlan> plans,
            UserRecordFormat format,
            int maxBytes,
            int maxUsers
        )
        {
            int recordSize = UserRecordCodec.SizeOf(format);
            var batches = new List<List<UserPlan>>();
            var current = new List<UserPlan>();
            int size = BatchUploadCodec.HeaderSize;
            foreach (var plan in plans.Where(p => p.NeedsBatch))
            {
                int cost =
                    BatchUploadCodec.SizeOf(recordSize, 1, plan.FingerprintsToWrite.Select(f => f.Template.Length))
                    - BatchUploadCodec.HeaderSize;
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
        /// What goes on the wire for a plan: its record (<see cref="FinalRecord"/>, disabled while <paramref
        /// name="staged"/>) with the templates to write.
        /// </summary>
        public static UserWithFingerprints Entry(UserPlan plan, bool staged) =>
            new UserWithFingerprints(staged ? StagedRecord(plan) : FinalRecord(plan), plan.FingerprintsToWrite);

        /// <summary>
        /// The record the destination should end with: the fitted source user when its record is written, otherwise the
        /// destination's own record unchanged (a batch carries a user record with every set of templates).
        /// </summary>
        public static ZkUser FinalRecord(UserPlan plan)
        {
            var user = (plan.WriteUserRecord ? plan.Prepared!.ToWrite! : plan.Destination!).Clone();
            user.Uid = 0;
            return user;
        }

        /// <summary>The record of a staged user: the final one, disabled until its faces and photo are in.</summary>
        public static ZkUser StagedRecord(UserPlan plan)
        {
            var user = FinalRecord(plan);
            user.Enabled = false;
            return user;
        }
    }
}
