using System;

namespace ZkSync.Protocol.Session
{
    /// <summary>Bytes and round trips spent by a client, for reports and benchmarks.</summary>
    public sealed class ZkTrafficCounters
    {
        public long BytesSent { get; internal set; }
        public long BytesReceived { get; internal set; }
        public long Requests { get; internal set; }

        /// <summary>Bytes of payload uploaded through CMD_DATA (what a write actually cost).</summary>
        public long UploadedBytes { get; internal set; }

        /// <summary>UDP requests sent again because their reply did not come within the learned timer.</summary>
        public long Resends { get; internal set; }

        /// <summary>UDP data streams that lost datagrams and were completed by asking again for what was
        /// missing.</summary>
        public long StreamRepairs { get; internal set; }

        /// <summary>When the device last sent anything (UTC); null before its first packet. Says how fresh "connected"
        /// is.</summary>
        public DateTime? LastReceivedUtc { get; internal set; }
    }
}
