using System;
using System.Globalization;
using System.Threading;

namespace ZkSync.Emulator.Core.Device
{
    /// <summary>
    /// Traffic as the device sees it. Bytes count what crossed the socket (TCP envelope included). Each value is exact;
    /// read them together with <see cref="ToJson"/> (a benchmark's view) and zero them with <see cref="Reset"/>.
    /// </summary>
    public sealed class DeviceCounters
    {
        private long _requests,
            _dropped,
            _retransmits,
            _packetsOut,
            _bytesIn,
            _bytesOut,
            _roundTrips,
            _deviceMicroseconds;

        /// <summary>Packets received (valid or not, including those a fault then drops).</summary>
        public long Requests => Interlocked.Read(ref _requests);

        /// <summary>
        /// Packets dropped silently: requests (bad checksum, unknown session, old reply id, malformed frame) and
        /// datagrams or replies an injected fault lost.
        /// </summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        /// <summary>Requests answered from the reply cache (same reply id again).</summary>
        public long Retransmits => Interlocked.Read(ref _retransmits);

        /// <summary>Requests that got at least one reply packet.</summary>
        public long RoundTrips => Interlocked.Read(ref _roundTrips);

        public long PacketsOut => Interlocked.Read(ref _packetsOut);

        /// <summary>Device time the timing model charged (unscaled, whatever the time scale), in
        /// microseconds.</summary>
        public long DeviceMicroseconds => Interlocked.Read(ref _deviceMicroseconds);
        public long BytesIn => Interlocked.Read(ref _bytesIn);
        public long BytesOut => Interlocked.Read(ref _bytesOut);

        /// <summary>TCP connections the device closed after <see cref="EmulatorOptions.IdleTimeout"/> of
        /// silence.</summary>
        public long IdleCloses => Interlocked.Read(ref _idleCloses);

        /// <summary>CONNECTs refused because every session slot was taken.</summary>
        public long SlotsFullRefusals => Interlocked.Read(ref _slotsFull);

        /// <summary>Sessions ended by the client's CMD_EXIT (the polite goodbye that frees a slot at once).</summary>
        public long Exits => Interlocked.Read(ref _exits);

        /// <summary>TCP sessions whose client closed or broke the connection without CMD_EXIT (a slot a terminal keeps
        /// until it drops it).</summary>
        public long LeftWithoutExit => Interlocked.Read(ref _leftWithoutExit);

        private long _idleCloses, _slotsFull, _exits, _leftWithoutExit;

        /// <summary>Zeroes every counter (traffic in flight is counted from then on).</summary>
        public void Reset()
        {
            Interlocked.Exchange(ref _requests, 0);
            Interlocked.Exchange(ref _dropped, 0);
            Interlocked.Exchange(ref _retransmits, 0);
            Interlocked.Exchange(ref _packetsOut, 0);
            Interlocked.Exchange(ref _bytesIn, 0);
            Interlocked.Exchange(ref _bytesOut, 0);
            Interlocked.Exchange(ref _roundTrips, 0);
            Interlocked.Exchange(ref _deviceMicroseconds, 0);
            Interlocked.Exchange(ref _idleCloses, 0);
            Interlocked.Exchange(ref _slotsFull, 0);
            Interlocked.Exchange(ref _exits, 0);
            Interlocked.Exchange(ref _leftWithoutExit, 0);
        }

        /// <summary>One line: {"requests":..,"roundTrips":..,"bytesIn":..,"bytesOut":..,"dropped":..,
        /// "retransmits":..,"packetsOut":..,"deviceMicroseconds":..}.</summary>
        public string ToJson() =>
            string.Format(
                CultureInfo.InvariantCulture,
                "{{\"requests\":{0},\"roundTrips\":{1},\"bytesIn\":{2},\"bytesOut\":{3},\"dropped\":{4},"
                    + "\"retransmits\":{5},\"packetsOut\":{6},\"deviceMicroseconds\":{7}}}",
                Requests,
                RoundTrips,
                BytesIn,
                BytesOut,
                Dropped,
                Retransmits,
                PacketsOut,
                DeviceMicroseconds
            );

        internal void Received(int bytes)
        {
            Interlocked.Increment(ref _requests);
            Interlocked.Add(ref _bytesIn, bytes);
        }

        internal void IdleClose() => Interlocked.Increment(ref _idleCloses);

        internal void SlotsFullRefusal() => Interlocked.Increment(ref _slotsFull);

        internal void Exit() => Interlocked.Increment(ref _exits);

        internal void LeftWithoutExitOnce() => Interlocked.Increment(ref _leftWithoutExit);

        internal void Drop() => Interlocked.Increment(ref _dropped);

        internal void Retransmit() => Interlocked.Increment(ref _retransmits);

        internal void DeviceTime(double seconds) =>
            Interlocked.Add(ref _deviceMicroseconds, (long)Math.Round(seconds * 1e6));

        internal void Answered() => Interlocked.Increment(ref _roundTrips);

        internal void Sent(int bytes)
        {
            Interlocked.Increment(ref _packetsOut);
            Interlocked.Add(ref _bytesOut, bytes);
        }
    }
}
