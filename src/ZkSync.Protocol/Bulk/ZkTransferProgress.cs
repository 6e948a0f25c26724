namespace ZkSync.Protocol.Bulk
{
    /// <summary>Progress of a long transfer.</summary>
    public readonly struct ZkTransferProgress
    {
        public ZkTransferProgress(string activity, long done, long total)
        {
            Activity = activity;
            Done = done;
            Total = total;
        }

        public string Activity { get; }
        public long Done { get; }
        public long Total { get; }
    }
}
