using System;
using System.Collections.Generic;

namespace ZkSync.Sync
{
    /// <summary>What happened to a user on a destination.</summary>
    public enum SyncAction
    {
        /// <summary>The user was not on the destination and was created.</summary>
        Added,

        /// <summary>The user was on the destination and at least one kind was written.</summary>
        Updated,

        /// <summary>Nothing differed; nothing was written.</summary>
        Unchanged,

        /// <summary>A destination-only user removed by Mirror.</summary>
        Removed,

        /// <summary>A destination-only user left in place (no Mirror, or the removal was not confirmed).</summary>
        Kept,
    }

    /// <summary>What happened to one data kind of one user.</summary>
    public enum KindOutcome
    {
        /// <summary>The kind was not part of the run.</summary>
        NotIncluded,

        /// <summary>Equal already; nothing written.</summary>
        Unchanged,

        /// <summary>Written (and verified when Verify is on).</summary>
        Written,

        /// <summary>Not copied for a reason given in Notes (no support on the destination, algorithm
        /// mismatch).</summary>
        Skipped,

        /// <summary>Failed; the reason is in Notes.</summary>
        Failed,
    }

    /// <summary>Overall outcome of an item: Failed if anything failed, Skipped if nothing was attempted.</summary>
    public enum SyncItemStatus
    {
        Succeeded,
        Skipped,
        Failed,
    }

    /// <summary>One user on one destination.</summary>
    public sealed class SyncItemResult
    {
        public DateTime DateTime { get; internal set; } = DateTime.Now;
        public string Source { get; internal set; } = "";
        public string Destination { get; internal set; } = "";

        /// <summary>The destination as the caller gave it to the run: match results by this, not by name.</summary>
        public SyncEndpoint? Endpoint { get; internal set; }

        public string UserId { get; internal set; } = "";
        public string Name { get; internal set; } = "";
        public SyncAction Action { get; internal set; }
        public KindOutcome Users { get; internal set; }
        public KindOutcome Fingerprints { get; internal set; }
        public KindOutcome Faces { get; internal set; }
        public KindOutcome Photos { get; internal set; }
        public SyncItemStatus Status { get; internal set; }

        /// <summary>True in WhatIf mode: Added/Updated/Written mean "would be".</summary>
        public bool WhatIf { get; internal set; }

        /// <summary>
        /// Succeeded, and what the device holds for the user was read back after the destination's last write and is
        /// what the source holds (Verify on; false with -NoVerify, in WhatIf mode, and for every other status).
        /// </summary>
        public bool Verified { get; internal set; }

        /// <summary>Reasons, truncations and kept data, "; "-joined.</summary>
        public string Notes { get; internal set; } = "";

        public KindOutcome Outcome(SyncDataKinds kind) =>
            kind switch
            {
                SyncDataKinds.Users => Users,
                SyncDataKinds.Fingerprints => Fingerprints,
                SyncDataKinds.Faces => Faces,
                SyncDataKinds.Photos => Photos,
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };

        public override string ToString() =>
            $"{Destination} {UserId} {Action} {Status}{(Notes.Length > 0 ? ": " + Notes : "")}";
    }

    /// <summary>
    /// Totals of one destination. Added, Updated, Unchanged and Removed count succeeded items; Failed and Skipped count
    /// items with those statuses, so the six add up to the items reported. Exception: a destination that failed before
    /// it could be planned (unreachable) reports no items and counts every user in scope as Failed.
    /// </summary>
    public sealed class SyncSummary
    {
        public string Source { get; internal set; } = "";
        public string Destination { get; internal set; } = "";

        /// <summary>The destination, as the caller gave it to the run.</summary>
        public SyncEndpoint? Endpoint { get; internal set; }

        public int Added { get; internal set; }
        public int Updated { get; internal set; }
        public int Unchanged { get; internal set; }
        public int Removed { get; internal set; }
        public int Failed { get; internal set; }
        public int Skipped { get; internal set; }
        public long BytesUploaded { get; internal set; }
        public long BytesDownloaded { get; internal set; }
        public long Requests { get; internal set; }
        public TimeSpan Duration { get; internal set; }
        public bool WhatIf { get; internal set; }

        /// <summary>Why the destination as a whole failed (unreachable, not enough room, cancelled); null on
        /// success.</summary>
        public string? Error { get; internal set; }

        /// <summary>
        /// The final state of every user written was read back after the last write (Verify on, not WhatIf, not cut
        /// short): every Succeeded item of this destination is held by the device as the source holds it.
        /// </summary>
        public bool Verified { get; internal set; }

        /// <summary>
        /// Why the destination could not be enabled again after the sync disabled it (it matches nobody until enabled);
        /// null when it was. Also part of <see cref="Error"/>.
        /// </summary>
        public string? NotReEnabled { get; internal set; }

        public bool Succeeded => Error == null && Failed == 0;

        internal void Count(SyncItemResult item)
        {
            if (item.Status == SyncItemStatus.Failed)
                Failed++;
            else if (item.Status == SyncItemStatus.Skipped)
                Skipped++;
            else if (item.Action == SyncAction.Added)
                Added++;
            else if (item.Action == SyncAction.Updated)
                Updated++;
            else if (item.Action == SyncAction.Removed)
                Removed++;
            else
                Unchanged++;
        }

        public override string ToString() =>
            $"{Destination}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Failed} "
                + $"failed, {Skipped} skipped"
            + (Error == null ? "" : $" - {Error}");
    }

    /// <summary>Everything one run produced.</summary>
    public sealed class SyncReport
    {
        internal SyncReport(
            string source,
            IReadOnlyList<SyncSummary> summaries,
            IReadOnlyList<SyncItemResult> items,
            SyncTraffic sourceTraffic
        )
        {
            Source = source;
            Summaries = summaries;
            Items = items;
            SourceTraffic = sourceTraffic;
        }

        public string Source { get; }

        /// <summary>One per destination, in the order the destinations were given.</summary>
        public IReadOnlyList<SyncSummary> Summaries { get; }

        /// <summary>Every item in the order produced (also delivered one by one through <see
        /// cref="SyncOptions.OnItem"/>).</summary>
        public IReadOnlyList<SyncItemResult> Items { get; }

        /// <summary>What reading the source cost.</summary>
        public SyncTraffic SourceTraffic { get; }
    }
}
