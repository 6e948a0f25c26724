namespace ZkSync.Bench.LinkFloor
{
    /// <summary>
    /// What one emulated device measured on its link: packets received, requests answered (round trips), bytes it
    /// received (up, from the engine) and sent (down). Bytes are the frames on the wire as the link model charges them.
    /// DeviceMicroseconds: device time the emulator's timing model charged (unscaled).
    /// </summary>
    public readonly record struct LinkStats(
        long Requests,
        long RoundTrips,
        long BytesIn,
        long BytesOut,
        long DeviceMicroseconds = 0
    )
    {
        public double DeviceSeconds => DeviceMicroseconds / 1e6;

        public long Bytes => BytesIn + BytesOut;

        public static LinkStats operator +(LinkStats a, LinkStats b) =>
            new LinkStats(
                a.Requests + b.Requests,
                a.RoundTrips + b.RoundTrips,
                a.BytesIn + b.BytesIn,
                a.BytesOut + b.BytesOut,
                a.DeviceMicroseconds + b.DeviceMicroseconds
            );

        public static LinkStats operator -(LinkStats a, LinkStats b) =>
            new LinkStats(
                a.Requests - b.Requests,
                a.RoundTrips - b.RoundTrips,
                a.BytesIn - b.BytesIn,
                a.BytesOut - b.BytesOut,
                a.DeviceMicroseconds - b.DeviceMicroseconds
            );
    }
}
