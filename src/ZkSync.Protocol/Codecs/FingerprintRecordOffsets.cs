namespace ZkSync.Protocol.Codecs
{
    /// <summary>Fields of one record of the template table: u16 size, u16 uid, u8 finger, u8 flag, template
    /// (docs/protocol.md §7).</summary>
    internal static class FingerprintRecordOffsets
    {
        public const int Size = 0, Uid = 2, Finger = 4, Flag = 5, Template = 6;
    }
}
