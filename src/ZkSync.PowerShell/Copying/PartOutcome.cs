using System.Collections.Generic;
using System.Linq;

namespace ZkSync.PowerShell.Copying
{
    /// <summary>What happened to one part (user record, fingerprints, faces, photo) of one user's copy.</summary>
    internal sealed class PartOutcome
    {
        private PartOutcome(ZkCopyStatus status, string note, bool nothingToCopy)
        {
            Status = status;
            Note = note;
            NothingToCopy = nothingToCopy;
        }

        public ZkCopyStatus Status { get; }
        public string Note { get; }

        /// <summary>The source simply had none: worth saying when this part is all that was asked for, noise otherwise.</summary>
        public bool NothingToCopy { get; }

        public static PartOutcome Written(bool existed, string note = "") => new PartOutcome(existed ? ZkCopyStatus.Updated : ZkCopyStatus.Copied, note, false);
        public static PartOutcome Skipped(string note) => new PartOutcome(ZkCopyStatus.Skipped, note, false);
        public static PartOutcome Nothing(string note) => new PartOutcome(ZkCopyStatus.Skipped, note, true);
        public static PartOutcome Failed(string note) => new PartOutcome(ZkCopyStatus.Failed, note, false);

        /// <summary>
        /// One status for a user: Failed if any part failed; with the user record copied, Copied when the user was
        /// created, else Updated when anything was written, else Skipped; for a single part, that part's status.
        /// </summary>
        public static (ZkCopyStatus Status, string Notes) Combine(PartOutcome? userPart, IReadOnlyList<PartOutcome> otherParts)
        {
            var all = new List<PartOutcome>();
            if (userPart != null) all.Add(userPart);
            all.AddRange(otherParts);
            bool single = all.Count == 1;
            string notes = string.Join("; ", all.Where(p => p.Note.Length > 0 && (single || !p.NothingToCopy)).Select(p => p.Note));

            ZkCopyStatus status;
            if (all.Any(p => p.Status == ZkCopyStatus.Failed)) status = ZkCopyStatus.Failed;
            else if (single) status = all[0].Status;
            else if (userPart != null && userPart.Status == ZkCopyStatus.Copied) status = ZkCopyStatus.Copied;
            else if (all.Any(p => p.Status == ZkCopyStatus.Copied || p.Status == ZkCopyStatus.Updated)) status = ZkCopyStatus.Updated;
            else status = ZkCopyStatus.Skipped;

            // Nothing was written: then "already identical" and the like are the whole story, so say them.
            if (status == ZkCopyStatus.Skipped && notes.Length == 0)
                notes = string.Join("; ", all.Where(p => p.Note.Length > 0).Select(p => p.Note));
            return (status, notes);
        }
    }
}
