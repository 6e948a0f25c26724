namespace ZkSync.Protocol.Client
{
    /// <summary>How an upload is checked before the device consumes it; chosen per call.</summary>
    public enum ZkUploadCheck
    {
        /// <summary>
        /// CMD_HASH_DATA (119) compares the device's hash of the buffer with the client's first (the default).
        /// </summary>
        Hash,

        /// <summary>
        /// No hash request: the caller reads the written item back and compares it, which proves more (the sync engine
        /// with Verify on). One request fewer per upload.
        /// </summary>
        CallerReadsBack,
    }
}
