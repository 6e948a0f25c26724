namespace ZkSync.Protocol.Codecs
{
    /// <summary>The 12-byte header of a batch upload buffer: the three block lengths, u32 each (docs/protocol.md
    /// §7).</summary>
    internal static class BatchHeaderOffsets
    {
        public const int UserBlockLength = 0, FingerTableLength = 4, TemplateBlockLength = 8;
    }

    /// <summary>One 8-byte finger-table entry: u8 operation, u16 uid, u8 finger byte, u32 offset in the template
    /// block.</summary>
    internal static class BatchFingerEntryOffsets
    {
        public const int Operation = 0, Uid = 1, Finger = 3, TemplateOffset = 4;
    }

    /// <summary>One template in the template block: u16 length, then the template bytes.</summary>
    internal static class BatchTemplateOffsets
    {
        public const int Length = 0, Template = 2;
    }
}
