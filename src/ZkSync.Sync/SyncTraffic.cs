using ZkSync.Protocol.Client;
using ZkSync.Protocol.Session;

namespace ZkSync.Sync
{
    /// <summary>A point-in-time copy of a device connection's traffic counters; subtract two to get what a run
    /// cost.</summary>
    public readonly struct SyncTraffic
    {
        public SyncTraffic(long bytesSent, long bytesReceived, long requests, long uploadedBytes)
        {
            BytesSent = bytesSent;
            BytesReceived = bytesReceived;
            Requests = requests;
            UploadedBytes = uploadedBytes;
        }

        public long BytesSent { get; }
        public long BytesReceived { get; }
        public long Requests { get; }

        /// <summary>Payload bytes uploaded with CMD_DATA: what writes cost. Zero for a run that wrote
        /// nothing.</summary>
        public long UploadedBytes { get; }

        public static SyncTraffic From(ZkTrafficCounters c) =>
            new SyncTraffic(c.BytesSent, c.BytesReceived, c.Requests, c.UploadedBytes);

        public static SyncTraffic operator -(SyncTraffic a, SyncTraffic b) =>
            new SyncTraffic(
                a.BytesSent - b.BytesSent,
                a.BytesReceived - b.BytesReceived,
                a.Requests - b.Requests,
                a.UploadedBytes - b.UploadedBytes
            );
    }
}
