namespace ZkSync.Bench.LinkFloor
{
    /// <summary>
    /// What one emulated device measured on its link: packets received, requests answered (round trips), bytes it
    /// received (up, from the engine) and sent (down). Bytes are the frames on the wire as the link model charges them.
    /// </summary>
    public readonly record struct LinkStats(long Requests, long RoundTrips, long BytesIn, long BytesOut)
    {
        public long Bytes => BytesIn + BytesOut;

        public static LinkStats operator +(LinkStats a, LinkStats b) =>
            new LinkStats(a.Requests + b.Requests, a.RoundTrips + b.RoundTrips, a.BytesIn + b.BytesIn, a.BytesOut + b.BytesOut);

        public static LinkStats operator -(LinkStats a, LinkStats b) =>
            new LinkStats(a.Requests - b.Requests, a.RoundTrips - b.RoundTrips, a.BytesIn - b.BytesIn, a.BytesOut - b.BytesOut);
    }
}
