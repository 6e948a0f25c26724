using ZkSync.Protocol.Client;

namespace ZkSync.Sync
{
    /// <summary>
    /// With Verify on, every item a sync writes is read back and compared (users and templates in bulk, each face set and
    /// photo), which proves more than the 119 hash of each upload: the hash request is left out for the run (one request
    /// fewer per upload) and put back afterwards, since the client may be a session the caller keeps using.
    /// With Verify off the hash is the only check, and it stays.
    /// </summary>
    internal sealed class UploadHashCheck
    {
        private readonly ZkDeviceClient _client;
        private readonly bool _before;

        private UploadHashCheck(ZkDeviceClient client)
        {
            _client = client;
            _before = client.CheckUploadHash;
        }

        public static UploadHashCheck? ForRun(ISyncDevice device, SyncOptions options)
        {
            if (!options.Verify || !(device is ZkClientSyncDevice zk)) return null;
            var check = new UploadHashCheck(zk.Client);
            zk.Client.CheckUploadHash = false;
            return check;
        }

        public void Restore() => _client.CheckUploadHash = _before;
    }
}
