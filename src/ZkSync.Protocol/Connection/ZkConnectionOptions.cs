using System;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Connection
{
    /// <summary>Everything needed to open a session with one device.</summary>
    public sealed class ZkConnectionOptions
    {
        public string Host { get; set; } = "";
        public int Port { get; set; } = 4370;
        public ZkTransportKind Transport { get; set; } = ZkTransportKind.Auto;

        /// <summary>The device's comm key (0 = none). Never logged or shown.</summary>
        public uint CommKey { get; set; }

        /// <summary>Text encoding of names and passwords on this device (utf-8, gbk, windows-1256, ...).</summary>
        public string Encoding { get; set; } = "utf-8";

        /// <summary>How long to wait for each reply before giving up (UDP re-sends happen within this time).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>
        /// UDP: how many times at most a request is re-sent within <see cref="Timeout"/> when its reply does not come.
        /// The
        /// first re-send comes after the round trip learned from this session's replies to that kind of request
        /// (smoothed
        /// round trip + 4 × its variance, RFC 6298; 1 s before any reply), each further one after twice the previous
        /// wait.
        /// </summary>
        public int Retries { get; set; } = 8;

        /// <summary>
        /// How many times an operation is carried on over a new session (connect + comm key again) after the connection
        /// was lost or a reply timed out. Reads are always repeated, writes only when repeating is harmless; 0 = never.
        /// </summary>
        public int Reconnects { get; set; } = 2;

        /// <summary>
        /// Sent with every CMD_DISABLEDEVICE: the device enables itself once this client's session has been silent
        /// this long (firmware's CheckSessionTimeOut), so a client that crashes, or a device that hangs mid-write, does
        /// not leave the terminal locked; a session left without CMD_EXIT stays on the device and keeps it disabled
        /// otherwise. Whole seconds; zero sends none.
        /// </summary>
        public TimeSpan DisableTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Whether a name or password longer than its field is an error or is cut (and reported).</summary>
        public TruncationMode Truncation { get; set; } = TruncationMode.Error;

        public ILogger? Logger { get; set; }

        /// <summary>"host:port" for messages.</summary>
        public string Endpoint => $"{Host}:{Port}";

        /// <summary>A copy using <paramref name="transport"/> (a reconnection keeps the transport the session
        /// had).</summary>
        internal ZkConnectionOptions WithTransport(ZkTransportKind transport)
        {
            var copy = (ZkConnectionOptions)MemberwiseClone();
            copy.Transport = transport;
            return copy;
        }

        /// <summary>Checks the values before any packet is sent.</summary>
        public void Validate()
        {
            if (string.IsNullOrWhiteSpace(Host))
                throw new Errors.ZkInvalidDataException("Host is empty: give the device's IP address or name.", "Host");
            if (Port < 1 || Port > 65535)
                throw new Errors.ZkInvalidDataException($"Port {Port} is out of range 1-65535.", "Port");
            if (CommKey > Codecs.CommKey.MaxKey)
                throw new Errors.ZkInvalidDataException(
                    $"Comm key is out of range 0-{Codecs.CommKey.MaxKey}.",
                    "CommKey"
                );
            if (Timeout <= TimeSpan.Zero)
                throw new Errors.ZkInvalidDataException("Timeout must be positive.", "Timeout");
            if (DisableTimeout < TimeSpan.Zero || DisableTimeout.TotalSeconds > 86400)
                throw new Errors.ZkInvalidDataException(
                    "DisableTimeout must be 0 (none) to 86400 seconds.",
                    "DisableTimeout"
                );
            if (Retries < 0)
                throw new Errors.ZkInvalidDataException("Retries must not be negative.", "Retries");
            if (Reconnects < 0)
                throw new Errors.ZkInvalidDataException("Reconnects must not be negative.", "Reconnects");
            TextField.GetEncoding(Encoding);
        }
    }
}
