namespace ZkSync.PowerShell.Syncing
{
    /// <summary>
    /// What Compare-ZkDevice compares against: a live session or a backup file. Equal when they name the same session
    /// object or the same path, so piped users of one reference are compared in one run.
    /// </summary>
    internal sealed class CompareReference
    {
        private CompareReference(ZkSession? session, string? path)
        {
            Session = session;
            Path = path;
        }

        internal ZkSession? Session { get; }
        internal string? Path { get; }

        internal static CompareReference Of(ZkSession session) => new CompareReference(session, null);
        internal static CompareReference OfFile(string path) => new CompareReference(null, path);

        public override bool Equals(object? obj) =>
            obj is CompareReference other && ReferenceEquals(Session, other.Session) && Path == other.Path;

        public override int GetHashCode() => Session?.GetHashCode() ?? Path!.GetHashCode();
    }
}
