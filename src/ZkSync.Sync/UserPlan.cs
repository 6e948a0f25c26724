using System.Collections.Generic;
using System.Linq;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// What will be (and then was) done for one user on one destination. The planner fills it; the executor updates
    /// outcomes as writes and verification happen, then turns it into a <see cref="SyncItemResult"/>.
    /// </summary>
    public sealed class UserPlan
    {
        private readonly KindOutcome[] _outcomes = new KindOutcome[4];
        private readonly List<string> _notes = new List<string>();

        internal UserPlan(string userId, ZkUser? source, ZkUser? destination)
        {
            UserId = userId;
            Source = source;
            Destination = destination;
        }

        public string UserId { get; }
        public ZkUser? Source { get; }
        public ZkUser? Destination { get; }
        public string Name => Source?.Name ?? Destination?.Name ?? "";

        public SyncAction Action { get; internal set; }

        /// <summary>The source user fitted to the destination (null for destination-only users).</summary>
        public PreparedUser? Prepared { get; internal set; }

        /// <summary>User fields that differ (empty for new users).</summary>
        public IReadOnlyList<string> ChangedFields { get; internal set; } = new List<string>();

        public bool WriteUserRecord { get; internal set; }
        public List<ZkFingerprint> FingerprintsToWrite { get; } = new List<ZkFingerprint>();

        /// <summary>Destination-only fingers removed by Mirror.</summary>
        public List<ZkFingerprint> FingerprintsToDelete { get; } = new List<ZkFingerprint>();

        /// <summary>Faces and photos are compared during the media phase.</summary>
        public bool FacesPending { get; internal set; }
        public bool PhotosPending { get; internal set; }

        /// <summary>
        /// A new user written disabled first because faces or a photo follow (they need the user to exist): until
        /// <see cref="MediaSync"/> commits the real record, an interrupted run leaves an unusable placeholder, never an
        /// enabled user without its templates.
        /// </summary>
        public bool Staged { get; internal set; }

        /// <summary>The user as a whole failed (id the destination cannot hold, name too long, not found).</summary>
        public bool UserFailed { get; private set; }

        /// <summary>Nothing was attempted for the user.</summary>
        public bool UserSkipped { get; private set; }

        /// <summary>True once the result was delivered.</summary>
        internal bool Reported { get; set; }

        public IReadOnlyList<string> Notes => _notes;

        public bool NeedsBatch => !UserFailed && (WriteUserRecord || FingerprintsToWrite.Count > 0);

        public KindOutcome Outcome(SyncDataKinds kind) => _outcomes[KindSupport.Index(kind)];

        internal void Set(SyncDataKinds kind, KindOutcome outcome) => _outcomes[KindSupport.Index(kind)] = outcome;

        internal void Note(string note)
        {
            if (!string.IsNullOrEmpty(note) && !_notes.Contains(note)) _notes.Add(note);
        }

        internal void Fail(SyncDataKinds kind, string reason)
        {
            Set(kind, KindOutcome.Failed);
            Note(reason);
        }

        /// <summary>Fails the whole user: every included kind not already decided becomes Failed.</summary>
        internal void FailUser(string reason)
        {
            UserFailed = true;
            FacesPending = PhotosPending = false;
            foreach (var kind in SyncDataKind.Each)
                if (Outcome(kind) != KindOutcome.NotIncluded && Outcome(kind) != KindOutcome.Skipped) Set(kind, KindOutcome.Failed);
            Note(reason);
        }

        internal void SkipUser(string reason)
        {
            UserSkipped = true;
            FacesPending = PhotosPending = false;
            foreach (var kind in SyncDataKind.Each)
                if (Outcome(kind) != KindOutcome.NotIncluded) Set(kind, KindOutcome.Skipped);
            Note(reason);
        }

        internal SyncItemResult ToResult(string source, string destination, bool whatIf)
        {
            var action = Action;
            if (action == SyncAction.Unchanged && SyncDataKind.Each.Any(k => Outcome(k) == KindOutcome.Written)) action = SyncAction.Updated;
            var status = UserFailed || SyncDataKind.Each.Any(k => Outcome(k) == KindOutcome.Failed) ? SyncItemStatus.Failed
                : UserSkipped || action == SyncAction.Kept ? SyncItemStatus.Skipped
                : SyncItemStatus.Succeeded;
            return new SyncItemResult
            {
                Source = source,
                Destination = destination,
                UserId = UserId,
                Name = Name,
                Action = action,
                Users = Outcome(SyncDataKinds.Users),
                Fingerprints = Outcome(SyncDataKinds.Fingerprints),
                Faces = Outcome(SyncDataKinds.Faces),
                Photos = Outcome(SyncDataKinds.Photos),
                Status = status,
                WhatIf = whatIf,
                Notes = string.Join("; ", _notes),
            };
        }
    }
}
