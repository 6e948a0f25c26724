using System.Threading;

namespace ZkSync.Emulator.Device
{
    /// <summary>Traffic as the device sees it. Bytes count what crossed the socket (TCP envelope included).</summary>
    public sealed class DeviceCounters
    {
        private long _requests, _dropped, _retransmits, _packetsOut, _bytesIn, _bytesOut, _roundTrips;

        /// <summary>Packets received (valid or not).</summary>
        public long Requests => Interlocked.Read(ref _requests);

        /// <summary>Requests dropped silently (bad checksum, unknown session, old reply id, malformed frame).</summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        /// <summary>Requests answered from the reply cache (same reply id again).</summary>
        public long Retransmits => Interlocked.Read(ref _retransmits);

        /// <summary>Requests that got at least one reply packet.</summary>
        public long RoundTrips => Interlocked.Read(ref _roundTrips);

        public long PacketsOut => Interlocked.Read(ref _packetsOut);
        public long BytesIn => Interlocked.Read(ref _bytesIn);
        public long BytesOut => Interlocked.Read(ref _bytesOut);

        internal void Received(int bytes) { Interlocked.Increment(ref _requests); Interlocked.Add(ref _bytesIn, bytes); }
        internal void BytesReceived(int bytes) => Interlocked.Add(ref _bytesIn, bytes);
        internal void Drop() => Interlocked.Increment(ref _dropped);
        internal void Retransmit() => Interlocked.Increment(ref _retransmits);
        internal void Answered() => Interlocked.Increment(ref _roundTrips);
        internal void Sent(int bytes) { Interlocked.Increment(ref _packetsOut); Interlocked.Add(ref _bytesOut, bytes); }
    }
}
