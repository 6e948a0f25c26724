namespace ZkSync.Protocol.Codecs
{
    /// <summary>Fields of the 8-byte attendance record of old black-and-white firmware (docs/protocol.md §8).</summary>
    internal static class AttendanceRecord8Offsets
    {
        public const int Uid = 0, VerifyMethod = 2, Timestamp = 3, State = 7;
    }

    /// <summary>Fields of the 16-byte attendance record: numeric user id, no uid (docs/protocol.md §8).</summary>
    internal static class AttendanceRecord16Offsets
    {
        public const int UserId = 0, Timestamp = 4, State = 8, VerifyMethod = 9, WorkCode = 12;
    }

    /// <summary>Fields of the 40-byte attendance record of TFT firmware (docs/protocol.md §8).</summary>
    internal static class AttendanceRecord40Offsets
    {
        public const int Uid = 0, UserId = 2, VerifyMethod = 26, Timestamp = 27, State = 31, WorkCode = 32;

        /// <summary>Bytes of the ASCII user id field.</summary>
        public const int UserIdWidth = 24;
    }
}
