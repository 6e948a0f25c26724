namespace ZkSync.PowerShell
{
    /// <summary>Outcome of copying one user (or part of one) to one destination.</summary>
    public enum ZkCopyStatus
    {
        /// <summary>Created on the destination.</summary>
        Copied,

        /// <summary>Already there and overwritten with the source's data.</summary>
        Updated,

        /// <summary>Nothing written: already identical, nothing to copy, or not possible on that destination (see Notes).</summary>
        Skipped,

        /// <summary>The write failed (see Notes and the error stream).</summary>
        Failed,
    }

    /// <summary>One result per user per destination from the Copy-Zk* cmdlets (dbatools' MigrationObject shape).</summary>
    public sealed class ZkCopyResult
    {
        internal ZkCopyResult(string userId, string name, string source, string destination, ZkCopyStatus status, string notes)
        {
            UserId = userId;
            Name = name;
            Source = source;
            Destination = destination;
            Status = status;
            Notes = notes;
        }

        public string UserId { get; }
        public string Name { get; }

        /// <summary>"host:port" of the source device.</summary>
        public string Source { get; }

        /// <summary>"host:port" of the destination device.</summary>
        public string Destination { get; }

        public ZkCopyStatus Status { get; }
        public string Notes { get; }

        public override string ToString() => $"{UserId} -> {Destination}: {Status}";
    }
}
