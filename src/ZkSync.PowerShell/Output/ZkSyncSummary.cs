using System;
using ZkSync.Sync;

namespace ZkSync.PowerShell
{
    /// <summary>Totals of one destination of Sync-ZkDevice or Import-ZkDevice, written after its results.</summary>
    public sealed class ZkSyncSummary
    {
        internal ZkSyncSummary(SyncSummary summary, string source, string destination, string? backupPath)
        {
            Source = source;
            Destination = destination;
            Added = summary.Added;
            Updated = summary.Updated;
            Unchanged = summary.Unchanged;
            Removed = summary.Removed;
            Failed = summary.Failed;
            Skipped = summary.Skipped;
            BytesUploaded = summary.BytesUploaded;
            BytesDownloaded = summary.BytesDownloaded;
            Requests = summary.Requests;
            Duration = summary.Duration;
            WhatIf = summary.WhatIf;
            Error = summary.Error;
            Verified = summary.Verified;
            NotReEnabled = summary.NotReEnabled;
            BackupPath = backupPath;
        }

        public string Source { get; }

        /// <summary>
        /// Every user written was read back after the destination's last write (not with -NoVerify or -WhatIf).
        /// </summary>
        public bool Verified { get; }

        /// <summary>
        /// Why the destination could not be enabled again after the sync disabled it; null when it was.
        /// </summary>
        public string? NotReEnabled { get; }
        public string Destination { get; }
        public int Added { get; }
        public int Updated { get; }
        public int Unchanged { get; }
        public int Removed { get; }

        /// <summary>Failed users; when the destination could not be reached, every user in scope.</summary>
        public int Failed { get; }

        public int Skipped { get; }
        public long BytesUploaded { get; }
        public long BytesDownloaded { get; }
        public long Requests { get; }
        public TimeSpan Duration { get; }
        public bool WhatIf { get; }

        /// <summary>Why the destination as a whole failed (unreachable, not enough room, backup failed); null
        /// otherwise.</summary>
        public string? Error { get; }

        /// <summary>The backup written before the destination was changed (-BackupPath), or null.</summary>
        public string? BackupPath { get; }

        public bool Succeeded => Error == null && Failed == 0;

        public override string ToString() =>
            $"{Destination}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Failed} "
                + $"failed, {Skipped} skipped"
            + (Error == null ? "" : " - " + Error);
    }
}
