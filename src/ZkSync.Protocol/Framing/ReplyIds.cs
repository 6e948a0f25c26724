namespace ZkSync.Protocol.Framing
{
    /// <summary>
    /// Reply-id arithmetic. Firmware drops a request whose reply id is lower than the last one unless the last was
    /// 65535, so a client must wrap through 65535 to 0 (pyzk skips 65535 and would be dropped after the wrap: we follow
    /// firmware).
    /// </summary>
    public static class ReplyIds
    {
        public static ushort Next(ushort current) => unchecked((ushort)(current + 1));

        /// <summary>Device rule: is <paramref name="incoming"/> acceptable after <paramref name="last"/> (not a
        /// retransmission)?</summary>
        public static bool IsNewer(ushort incoming, ushort last) => incoming > last || last == ushort.MaxValue;
    }
}
