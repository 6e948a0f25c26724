namespace ZkSync.PowerShell
{
    /// <summary>A user's photo (JPEG). Path is set when it was saved with -OutFile or -OutDirectory, which also lets it
    /// be piped to Set-ZkUserPhoto.</summary>
    public sealed class ZkUserPhotoInfo : ZkSessionItem
    {
        internal ZkUserPhotoInfo(string userId, byte[] content, string? path, ZkSession session) : base(session)
        {
            UserId = userId;
            Content = content;
            Path = path;
        }

        public string UserId { get; }
        public int Size => Content.Length;
        public string? Path { get; }
        public byte[] Content { get; }

        public override string ToString() => $"{UserId}.jpg ({Size} B)";
    }
}
