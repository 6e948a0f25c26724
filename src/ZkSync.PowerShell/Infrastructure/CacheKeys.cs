namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>Cache keys shared by the cmdlets.</summary>
    internal static class CacheKeys
    {
        public const string Users = "users";
        public const string Fingerprints = "fingerprints";
    }
}
