using System;
using ZkSync.Sync;

namespace ZkSync.PowerShell
{
    /// <summary>One user on one destination from Sync-ZkDevice and Import-ZkDevice.</summary>
    public sealed class ZkSyncResult
    {
        internal ZkSyncResult(SyncItemResult item, string source, string destination)
        {
            DateTime = item.DateTime;
            UserId = item.UserId;
            Name = item.Name;
            Source = source;
            Destination = destination;
            Action = item.Action;
            Users = item.Users;
            Fingerprints = item.Fingerprints;
            Faces = item.Faces;
            Photos = item.Photos;
            Status = item.Status;
            WhatIf = item.WhatIf;
            Notes = item.Notes;
        }

        public DateTime DateTime { get; }
        public string UserId { get; }
        public string Name { get; }

        /// <summary>"host:port" of the source device, or "backup:file" for an import.</summary>
        public string Source { get; }

        /// <summary>"host:port" of the destination device.</summary>
        public string Destination { get; }

        /// <summary>Added, Updated, Unchanged, Removed (-Mirror) or Kept (only on the destination).</summary>
        public SyncAction Action { get; }

        public KindOutcome Users { get; }
        public KindOutcome Fingerprints { get; }
        public KindOutcome Faces { get; }
        public KindOutcome Photos { get; }

        /// <summary>Succeeded, Skipped (nothing attempted; see Notes) or Failed (see Notes).</summary>
        public SyncItemStatus Status { get; }

        /// <summary>True under -WhatIf: Added, Updated, Removed and Written mean "would be"; nothing was changed.</summary>
        public bool WhatIf { get; }

        public string Notes { get; }

        public override string ToString() => $"{UserId} -> {Destination}: {Action} {Status}";
    }
}
