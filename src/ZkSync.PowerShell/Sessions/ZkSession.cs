using System;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell
{
    /// <summary>Whether a session can still be used.</summary>
    public enum ZkSessionState
    {
        Open,
        Closed,
    }

    /// <summary>
    /// An open connection to one device, as PowerShell sees it. Wraps the engine client; never exposes the comm key
    /// (the client's options hold it, so the client itself stays internal).
    /// </summary>
    public sealed class ZkSession
    {
        private bool _closed;

        internal ZkSession(int id, ZkDeviceClient client, ZkDeviceInfo info, string? name = null, string? site = null)
        {
            Id = id;
            Name = string.IsNullOrWhiteSpace(name) ? null : name!.Trim();
            Site = string.IsNullOrWhiteSpace(site) ? null : site!.Trim();
            Client = client;
            Host = client.Options.Host;
            Port = client.Options.Port;
            Transport = client.Transport.ToString();
            SerialNumber = info.SerialNumber;
            DeviceName = info.DeviceName;
            Platform = info.Platform;
            FirmwareVersion = info.FirmwareVersion;
            Capabilities = info.Capabilities;
            ConnectedAt = DateTime.Now;
        }

        /// <summary>Small number, unique within the runspace, for -Id parameters.</summary>
        public int Id { get; }

        /// <summary>
        /// The name used in messages, results, summaries, progress and the journal: the display name given to
        /// Connect-ZkDevice -Name (an inventory's Name or Site column), else "host:port".
        /// </summary>
        public string Device => Name ?? Address;

        /// <summary>The display name given at connect (null: none; the device is then named by its address).</summary>
        public string? Name { get; }

        /// <summary>The site given at connect (an inventory's Site column), or null.</summary>
        public string? Site { get; }

        /// <summary>"host:port".</summary>
        public string Address => Host + ":" + Port;

        public string Host { get; }
        public int Port { get; }

        /// <summary>Tcp or Udp: what Auto settled on.</summary>
        public string Transport { get; }

        public string SerialNumber { get; }
        public string DeviceName { get; }
        public string Platform { get; }
        public string FirmwareVersion { get; }

        /// <summary>What the device can hold, read once at connect.</summary>
        public ZkCapabilities Capabilities { get; }

        public DateTime ConnectedAt { get; }

        /// <summary>
        /// When the device last answered (local time). State cannot see a device that went away while the session was
        /// idle (nothing is sent to find out), so this says how old "Open" is; Test-ZkDevice or any command checks it.
        /// </summary>
        public DateTime LastContact => Client.Traffic.LastReceivedUtc?.ToLocalTime() ?? ConnectedAt;

        /// <summary>Open until the session is closed or its connection ends for good (no reconnect left); see
        /// LastContact.</summary>
        public ZkSessionState State => !_closed && SafeIsConnected() ? ZkSessionState.Open : ZkSessionState.Closed;

        internal ZkDeviceClient Client { get; }

        internal void MarkClosed() => _closed = true;

        public override string ToString() => Device;

        private bool SafeIsConnected()
        {
            try { return Client.IsUsable; }
            catch (ObjectDisposedException) { return false; }
        }
    }
}
