namespace ZkSync.Protocol.Model
{
    /// <summary>Which transport to use. Auto tries TCP first and falls back to UDP.</summary>
    public enum ZkTransportKind
    {
        Auto,
        Tcp,
        Udp,
    }
}
