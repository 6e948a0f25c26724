namespace ZkSync.Protocol.Client
{
    public sealed partial class ZkDeviceClient
    {
        /// <summary>
        /// This client disabled the device and has not enabled it again. The 4370 protocol has no command that asks a
        /// terminal whether it is disabled, so this is the only lock state a client can know for sure.
        /// </summary>
        public bool DisabledByThisClient => _connection.DisabledForWrites;
    }
}
