using System.Collections.Generic;
using System.Linq;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// What is to be done for one user on one destination, as the planner decided it; read-only. What then happens is
    /// the executor's <see cref="UserOutcome"/>. A caller's refusal makes a new plan (<see cref="Declined"/>).
    /// </summary>
    public sealed class UserPlan
    {
        private readonly KindOutcome[] _outcomes;

        private UserPlan(Builder b)
        {
            UserId = b.UserId;
            Source = b.Source;
            Destination = b.Destination;
            Action = b.Action;
            Prepared = b.Prepared;
            ChangedFields = b.ChangedFields.ToArray();
            WriteUserRecord = b.WriteUserRecord;
            FingerprintsToWrite = b.FingerprintsToWrite.ToArray();
            FingerprintsToDelete = b.FingerprintsToDelete.ToArray();
            ComparesFaces = b.ComparesFaces;
            ComparesPhotos = b.ComparesPhotos;
            Refusal = b.Refusal;
            SkipReason = b.SkipReason;
            Notes = b.Notes.ToArray();
            _outcomes = (KindOutcome[])b.Outcomes.Clone();
        }

        public string UserId { get; }
        public ZkUser? Source { get; }
        public ZkUser? Destination { get; }
        public string Name => Source?.Name ?? Destination?.Name ?? "";

        public SyncAction Action { get; }

        /// <summary>The source user fitted to the destination (null for destination-only users).</summary>
        public PreparedUser? Prepared { get; }

        /// <summary>User fields that differ (empty for new users).</summary>
        public IReadOnlyList<string> ChangedFields { get; }

        public bool WriteUserRecord { get; }
        public IReadOnlyList<ZkFingerprint> FingerprintsToWrite { get; }

        /// <summary>Destination-only fingers removed by Mirror.</summary>
        public IReadOnlyList<ZkFingerprint> FingerprintsToDelete { get; }

        /// <summary>Faces and photos are compared (and written) during the media phase.</summary>
        public bool ComparesFaces { get; }
        public bool ComparesPhotos { get; }
        public bool ComparesMedia => ComparesFaces || ComparesPhotos;

        /// <summary>
        /// Why the user fails as a whole before anything is written (id the destination cannot hold, not found).
        /// </summary>
        public string? Refusal { get; }

        /// <summary>Why nothing is attempted for the user (not confirmed, its kinds excluded).</summary>
        public string? SkipReason { get; }

        /// <summary>Nothing will be written for this user.</summary>
        public bool IsSettled => Refusal != null || SkipReason != null;

        /// <summary>Planning notes: truncations, data kept, kinds skipped.</summary>
        public IReadOnlyList<string> Notes { get; }

        public bool NeedsBatch => !IsSettled && (WriteUserRecord || FingerprintsToWrite.Count > 0);

        /// <summary>
        /// The record is written disabled first because faces or a photo follow: a new user, or one the destination
        /// holds disabled that the source has enabled. Until its faces and photo are in and read back, an interrupted
        /// run leaves an unusable placeholder, never an enabled user without its templates.
        /// </summary>
        public bool StagedFirst =>
            !IsSettled && WriteUserRecord && ComparesMedia && Prepared!.ToWrite!.Enabled
            && (Action == SyncAction.Added || Destination?.Enabled == false);

        /// <summary>
        /// The outcome the plan expects per kind (Written, Unchanged, Skipped, ...), before anything is done.
        /// </summary>
        public KindOutcome Outcome(SyncDataKinds kind) => _outcomes[KindSupport.Index(kind)];

        /// <summary>The same user with nothing written: the caller declined the write.</summary>
        internal UserPlan Declined()
        {
            var b = Builder.From(this);
            b.WriteUserRecord = false;
            b.FingerprintsToWrite.Clear();
            b.FingerprintsToDelete.Clear();
            b.Skip("not confirmed; nothing written");
            return b.Build();
        }

        /// <summary>A removal the caller declined: the user stays.</summary>
        internal UserPlan KeptInstead()
        {
            var b = Builder.From(this);
            b.Action = SyncAction.Kept;
            b.Set(SyncDataKinds.Users, KindOutcome.NotIncluded);
            b.FingerprintsToDelete.Clear();
            b.Note("removal not confirmed; kept");
            return b.Build();
        }

        /// <summary>The planner's scratch copy of a plan while it is being decided.</summary>
        internal sealed class Builder
        {
            public Builder(string userId, ZkUser? source, ZkUser? destination)
            {
                UserId = userId;
                Source = source;
                Destination = destination;
            }

            public string UserId { get; }
            public ZkUser? Source { get; }
            public ZkUser? Destination { get; }
            public SyncAction Action { get; set; }
            public PreparedUser? Prepared { get; set; }
            public List<string> ChangedFields { get; set; } = new List<string>();
            public bool WriteUserRecord { get; set; }
            public List<ZkFingerprint> FingerprintsToWrite { get; } = new List<ZkFingerprint>();
            public List<ZkFingerprint> FingerprintsToDelete { get; } = new List<ZkFingerprint>();
            public bool ComparesFaces { get; set; }
            public bool ComparesPhotos { get; set; }
            public string? Refusal { get; private set; }
            public string? SkipReason { get; private set; }
            public List<string> Notes { get; } = new List<string>();
            public KindOutcome[] Outcomes { get; } = new KindOutcome[4];

            public static Builder From(UserPlan p)
            {
                var b = new Builder(p.UserId, p.Source, p.Destination)
                {
                    Action = p.Action,
                    Prepared = p.Prepared,
                    ChangedFields = p.ChangedFields.ToList(),
                    WriteUserRecord = p.WriteUserRecord,
                    ComparesFaces = p.ComparesFaces,
                    ComparesPhotos = p.ComparesPhotos,
                    Refusal = p.Refusal,
                    SkipReason = p.SkipReason,
                };
                b.FingerprintsToWrite.AddRange(p.FingerprintsToWrite);
                b.FingerprintsToDelete.AddRange(p.FingerprintsToDelete);
                b.Notes.AddRange(p.Notes);
                p._outcomes.CopyTo(b.Outcomes, 0);
                return b;
            }

            public KindOutcome Outcome(SyncDataKinds kind) => Outcomes[KindSupport.Index(kind)];

            public void Set(SyncDataKinds kind, KindOutcome outcome) => Outcomes[KindSupport.Index(kind)] = outcome;

            public void Note(string note)
            {
                if (!string.IsNullOrEmpty(note) && !Notes.Contains(note)) Notes.Add(note);
            }

            /// <summary>The user fails as a whole: every included kind not already decided becomes Failed.</summary>
            public void Fail(string reason)
            {
                Refusal = reason;
                ComparesFaces = ComparesPhotos = false;
                foreach (var kind in SyncDataKind.Each)
                    if (Outcome(kind) != KindOutcome.NotIncluded && Outcome(kind) != KindOutcome.Skipped)
                        Set(kind, KindOutcome.Failed);
                Note(reason);
            }

            public void Skip(string reason)
            {
                SkipReason = reason;
                ComparesFaces = ComparesPhotos = false;
                foreach (var kind in SyncDataKind.Each)
                    if (Outcome(kind) != KindOutcome.NotIncluded) Set(kind, KindOutcome.Skipped);
                Note(reason);
            }

            public UserPlan Build() => new UserPlan(this);
        }
    }
}
