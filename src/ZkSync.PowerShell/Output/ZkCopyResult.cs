namespace ZkSync.PowerShell
{
    /// <summary>Outcome of copying one user (or part of one) to one destination.</summary>
    public enum ZkCopyStatus
    {
        /// <summary>Created on the destination.</summary>
        Copied,

        /// <summary>Already there and overwritten with the source's data.</summary>
        Updated,

        /// <summary>Nothing written: already identical, nothing to copy, or not possible on that destination (see
        /// Notes).</summary>
        Skipped,

        /// <summary>The write failed (see Notes and the error stream).</summary>
        Failed,
    }

    /// <summary>One result per user per destination from the Copy-Zk* cmdlets (dbatools' MigrationObject
    /// shape).</summary>
    public sealed class ZkCopyResult
    {
        // The sync result this copy result restates; who and where are read through it, not copied.
        private readonly ZkSyncResult _result;

        internal ZkCopyResult(ZkSyncResult result, ZkCopyStatus status, string notes)
        {
            _result = result;
            Status = status;
            Notes = notes;
        }

        public string UserId => _result.UserId;
        public string Name => _result.Name;

        /// <summary>"host:port" of the source device.</summary>
        public string Source => _result.Source;

        /// <summary>"host:port" of the destination device.</summary>
        public string Destination => _result.Destination;

        public ZkCopyStatus Status { get; }
        public string Notes { get; }

        public override string ToString() => $"{UserId} -> {Destination}: {Status}";
    }
}
