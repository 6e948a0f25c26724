namespace ZkSync.Protocol.Codecs
{
    /// <summary>
    /// Which i32 slot of the CMD_GET_FREE_SIZES reply holds which count (slot n starts at byte 4n; docs/protocol.md
    /// §5). The face slots exist only in the 92-byte reply of face firmware.
    /// </summary>
    internal static class FreeSizesSlots
    {
        public const int Users = 4, Fingerprints = 6, Records = 8, OpLogs = 10, Admins = 12, Passwords = 13;
        public const int FingerprintCapacity = 14, UserCapacity = 15, RecordCapacity = 16;
        public const int FingerprintsFree = 17, UsersFree = 18, RecordsFree = 19;
        public const int UsersWithFaces = 20, FaceCapacity = 22;
    }
}
