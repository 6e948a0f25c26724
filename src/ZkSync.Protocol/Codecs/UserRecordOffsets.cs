namespace ZkSync.Protocol.Codecs
{
    /// <summary>Where each field of a 72-byte user record starts (docs/protocol.md §6).</summary>
    internal static class UserRecord72Offsets
    {
        public const int Uid = 0,
            Privilege = 2,
            Password = 3,
            Name = 11,
            Card = 35,
            Group = 39,
            TimeZones = 40,
            UserId = 48;

        /// <summary>Bytes of the time-zone field.</summary>
        public const int TimeZonesWidth = 8;
    }

    /// <summary>Where each field of a 28-byte user record starts (docs/protocol.md §6).</summary>
    internal static class UserRecord28Offsets
    {
        public const int Uid = 0,
            Privilege = 2,
            Password = 3,
            Name = 8,
            Card = 16,
            Group = 21,
            TimeZones = 22,
            UserId = 24;

        /// <summary>Bytes of the time-zone field.</summary>
        public const int TimeZonesWidth = 2;
    }
}
