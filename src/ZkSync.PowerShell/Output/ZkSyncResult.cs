using System;
using ZkSync.Sync;

namespace ZkSync.PowerShell
{
    /// <summary>One user on one destination from Sync-ZkDevice and Import-ZkDevice.</summary>
    public sealed class ZkSyncResult
    {
        // The engine's result, read through rather than copied; only the device names are the module's own.
        private readonly SyncItemResult _item;

        internal ZkSyncResult(SyncItemResult item, string source, string destination)
        {
            _item = item;
            Source = source;
            Destination = destination;
        }

        public DateTime DateTime => _item.DateTime;
        public string UserId => _item.UserId;
        public string Name => _item.Name;

        /// <summary>"host:port" of the source device, or "backup:file" for an import.</summary>
        public string Source { get; }

        /// <summary>"host:port" of the destination device.</summary>
        public string Destination { get; }

        /// <summary>Added, Updated, Unchanged, Removed (-Mirror) or Kept (only on the destination).</summary>
        public SyncAction Action => _item.Action;

        public KindOutcome Users => _item.Users;
        public KindOutcome Fingerprints => _item.Fingerprints;
        public KindOutcome Faces => _item.Faces;
        public KindOutcome Photos => _item.Photos;

        /// <summary>Succeeded, Skipped (nothing attempted; see Notes) or Failed (see Notes).</summary>
        public SyncItemStatus Status => _item.Status;

        /// <summary>True under -WhatIf: Added, Updated, Removed and Written mean "would be"; nothing was
        /// changed.</summary>
        public bool WhatIf => _item.WhatIf;

        /// <summary>
        /// Succeeded, and read back from the device after its last write as the source holds it (not with -NoVerify).
        /// </summary>
        public bool Verified => _item.Verified;

        public string Notes => _item.Notes;

        public override string ToString() => $"{UserId} -> {Destination}: {Action} {Status}";
    }
}
