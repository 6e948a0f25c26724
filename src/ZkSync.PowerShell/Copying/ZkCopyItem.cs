namespace ZkSync.PowerShell
{
    /// <summary>What Copy-ZkUser -Include copies with each user.</summary>
    public enum ZkCopyItem
    {
        Users,
        Fingerprints,
        Faces,
        Photos,
    }
}
