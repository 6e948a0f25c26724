namespace ZkSync.Protocol.Model
{
    /// <summary>Fields of a 2,576-byte ZKFace 7 record (docs/protocol.md §11).</summary>
    internal static class FaceRecordOffsets
    {
        public const int Size = 0,
            Uid = 2,
            FaceId = 4,
            Valid = 5,
            Reserve = 6,
            ActiveTime = 8,
            VerifyCount = 12,
            Template = 16;
    }
}
