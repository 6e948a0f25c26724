namespace ZkSync.PowerShell
{
    /// <summary>
    /// Base of every object read from a device. It carries the session it came from, so piping it on
    /// (Get-ZkUser | Remove-ZkUser) binds -Session by property name and acts on the same device.
    /// </summary>
    public abstract class ZkSessionItem
    {
        protected ZkSessionItem(ZkSession session) => Session = session;

        public ZkSession Session { get; }

        /// <summary>"host:port" of the device the item came from.</summary>
        public string Device => Session.Device;
    }
}
