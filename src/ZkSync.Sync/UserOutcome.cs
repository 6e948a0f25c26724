using System.Collections.Generic;
using System.Linq;

namespace ZkSync.Sync
{
    /// <summary>
    /// What happened to one user on one destination: owned by the executor, started from the plan's expectations and
    /// changed as writes and read-backs happen, then turned into a <see cref="SyncItemResult"/>.
    /// </summary>
    internal sealed class UserOutcome
    {
        private readonly KindOutcome[] _outcomes = new KindOutcome[4];
        private readonly List<string> _notes;

        public UserOutcome(UserPlan plan)
        {
            Plan = plan;
            foreach (var kind in SyncDataKind.Each) _outcomes[KindSupport.Index(kind)] = plan.Outcome(kind);
            _notes = plan.Notes.ToList();
            UserFailed = plan.Refusal != null;
            UserSkipped = plan.SkipReason != null;
        }

        public UserPlan Plan { get; }
        public string UserId => Plan.UserId;

        /// <summary>
        /// The user as a whole failed (refused, not confirmed by the device, not found after writing).
        /// </summary>
        public bool UserFailed { get; private set; }

        /// <summary>Nothing was attempted for the user.</summary>
        public bool UserSkipped { get; }

        /// <summary>Still to be written or compared.</summary>
        public bool IsOpen => !UserFailed && !UserSkipped;

        /// <summary>
        /// The device holds the record disabled on purpose until its faces and photo are in and read back.
        /// </summary>
        public bool HeldDisabled { get; set; }

        /// <summary>The record was held disabled at some point of this run (its final state is read back).</summary>
        public bool WasHeldDisabled { get; set; }

        /// <summary>A face or photo write failed or did not read back: the device may hold part of it.</summary>
        public bool MediaWriteFailed { get; set; }

        /// <summary>The final state was read back from the device and matched.</summary>
        public bool Verified { get; set; }

        /// <summary>True once the result was delivered.</summary>
        public bool Reported { get; set; }

        public KindOutcome Outcome(SyncDataKinds kind) => _outcomes[KindSupport.Index(kind)];

        public void Set(SyncDataKinds kind, KindOutcome outcome) => _outcomes[KindSupport.Index(kind)] = outcome;

        public void Note(string note)
        {
            if (!string.IsNullOrEmpty(note) && !_notes.Contains(note)) _notes.Add(note);
        }

        public void Fail(SyncDataKinds kind, string reason)
        {
            Set(kind, KindOutcome.Failed);
            Note(reason);
        }

        /// <summary>Fails the whole user: every included kind not already decided becomes Failed.</summary>
        public void FailUser(string reason)
        {
            UserFailed = true;
            foreach (var kind in SyncDataKind.Each)
            {
                if (Outcome(kind) != KindOutcome.NotIncluded && Outcome(kind) != KindOutcome.Skipped)
                    Set(kind, KindOutcome.Failed);
            }
            Note(reason);
        }

        public SyncItemResult ToResult(string source, string destination, bool whatIf)
        {
            var action = Plan.Action;
            if (action == SyncAction.Unchanged && SyncDataKind.Each.Any(k => Outcome(k) == KindOutcome.Written))
                action = SyncAction.Updated;
            bool anyFailed = UserFailed || SyncDataKind.Each.Any(k => Outcome(k) == KindOutcome.Failed);
            var status = anyFailed ? SyncItemStatus.Failed
                : UserSkipped || action == SyncAction.Kept ? SyncItemStatus.Skipped
                : SyncItemStatus.Succeeded;
            return new SyncItemResult
            {
                Source = source,
                Destination = destination,
                UserId = UserId,
                Name = Plan.Name,
                Action = action,
                Users = Outcome(SyncDataKinds.Users),
                Fingerprints = Outcome(SyncDataKinds.Fingerprints),
                Faces = Outcome(SyncDataKinds.Faces),
                Photos = Outcome(SyncDataKinds.Photos),
                Status = status,
                WhatIf = whatIf,
                Verified = Verified && status == SyncItemStatus.Succeeded,
                Notes = string.Join("; ", _notes),
            };
        }
    }
}
