namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>Stable ErrorIds: scripts match $Error[0].FullyQualifiedErrorId against these, so they never
    /// change.</summary>
    public static class ErrorIds
    {
        public const string ConnectFailed = "ZkSync.ConnectFailed";
        public const string AuthenticationFailed = "ZkSync.AuthenticationFailed";
        public const string Timeout = "ZkSync.Timeout";
        public const string DeviceError = "ZkSync.DeviceError";
        public const string MalformedReply = "ZkSync.MalformedReply";
        public const string NotZkTerminal = "ZkSync.NotZkTerminal";
        public const string InvalidData = "ZkSync.InvalidData";
        public const string DeviceFull = "ZkSync.DeviceFull";
        public const string NotSupported = "ZkSync.NotSupported";
        public const string NoSession = "ZkSync.NoSession";
        public const string SessionClosed = "ZkSync.SessionClosed";
        public const string UserNotFound = "ZkSync.UserNotFound";
        public const string UserExists = "ZkSync.UserExists";
        public const string SessionNotFound = "ZkSync.SessionNotFound";
        public const string EmulatorNotFound = "ZkSync.EmulatorNotFound";
        public const string EmulatorFailed = "ZkSync.EmulatorFailed";
        public const string FileError = "ZkSync.FileError";
        public const string FileNotFound = "ZkSync.FileNotFound";
        public const string SyncDestinationFailed = "ZkSync.SyncDestinationFailed";
        public const string BackupInvalid = "ZkSync.BackupInvalid";
        public const string BackupPasswordInvalid = "ZkSync.BackupPasswordInvalid";
        public const string InvalidArgument = "ZkSync.InvalidArgument";
        public const string UnexpectedError = "ZkSync.UnexpectedError";
        public const string SessionSlotsFull = "ZkSync.SessionSlotsFull";
        public const string HandshakeNotSupported = "ZkSync.HandshakeNotSupported";
    }
}
