using System;
using System.Collections.Generic;

namespace ZkSync.PowerShell
{
    /// <summary>Whether a journaled run reached its destination and wrote every user it meant to.</summary>
    public enum ZkSyncRunStatus
    {
        Succeeded,

        /// <summary>The destination failed as a whole (unreachable, no room, backup failed) or at least one user
        /// failed.</summary>
        Failed,
    }

    /// <summary>A user that failed on a destination, and why.</summary>
    public sealed class ZkSyncFailedUser
    {
        public string UserId { get; set; } = "";
        public string Reason { get; set; } = "";

        public override string ToString() => $"{UserId}: {Reason}";
    }

    /// <summary>
    /// One journal line: what one run of a changing command (Sync-, Import-, Copy-Zk*, Remove-Zk*) did to one
    /// destination. Written as JSON lines; it never holds a comm key or a password.
    /// </summary>
    public sealed class ZkSyncHistoryRecord
    {
        /// <summary>When the destination finished (UTC).</summary>
        public DateTime Time { get; set; }

        public string User { get; set; } = "";
        public string ComputerName { get; set; } = "";
        public string Version { get; set; } = "";
        public string Command { get; set; } = "";
        public string Source { get; set; } = "";

        /// <summary>The destination's address ("host:port").</summary>
        public string Destination { get; set; } = "";

        public string? SerialNumber { get; set; }
        public ZkSyncRunStatus Status { get; set; }
        public int Added { get; set; }
        public int Updated { get; set; }
        public int Unchanged { get; set; }
        public int Removed { get; set; }
        public int Failed { get; set; }
        public int Skipped { get; set; }
        public List<ZkSyncFailedUser> FailedUsers { get; set; } = new List<ZkSyncFailedUser>();
        public long BytesWritten { get; set; }
        public TimeSpan Duration { get; set; }

        /// <summary>
        /// Every user written was read back after the destination's last write and held as the source holds it.
        /// </summary>
        public bool Verified { get; set; }

        /// <summary>
        /// Why the destination could not be enabled again after the sync disabled it; null when it was.
        /// </summary>
        public string? NotReEnabled { get; set; }

        /// <summary>A -WhatIf run: the counts say what would have happened; nothing was written.</summary>
        public bool WhatIf { get; set; }

        /// <summary>Why the destination as a whole failed; null otherwise.</summary>
        public string? Error { get; set; }

        /// <summary>The journal file the record was read from (not stored in the record).</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string? JournalFile { get; set; }

        public override string ToString() =>
            $"{Time:u} {Command} {Source} -> {Destination}: {Status}{(WhatIf ? " (WhatIf)" : "")}"
            + (Error == null ? "" : " - " + Error);
    }
}
