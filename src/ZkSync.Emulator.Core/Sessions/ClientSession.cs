using System;
using System.Net;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Sessions
{
    /// <summary>One client session: its id, authentication, reply-id tracking with the cached final reply, and transfer
    /// buffers.</summary>
    internal sealed class ClientSession
    {
        /// <summary>Largest CMD_DATA payload of a large-data reply: firmware's TCP buffer (64 KiB - 8) or 1,024 on
        /// UDP.</summary>
        public const int TcpMaxChunk = 65528;
        public const int UdpMaxChunk = 1024;

        internal ClientSession(ushort id, EmulatorTransport transport, ushort connectReplyId, DateTime now)
        {
            Id = id;
            Transport = transport;
            LastReplyId = connectReplyId;
            LastActivity = now;
        }

        public ushort Id { get; }

        /// <summary>Tcp or Udp (never Both).</summary>
        public EmulatorTransport Transport { get; }

        public int MaxChunk => Transport == EmulatorTransport.Udp ? UdpMaxChunk : TcpMaxChunk;

        public bool Authenticated { get; internal set; }

        public ushort LastReplyId { get; internal set; }

        /// <summary>The last packet of the last answer; a retransmitted request gets only this again (firmware caches
        /// only the final reply).</summary>
        public Packet? CachedFinal { get; internal set; }

        public DateTime LastActivity { get; internal set; }

        /// <summary>Where a UDP session's replies go (the sender of its latest datagram).</summary>
        public EndPoint? UdpPeer { get; internal set; }

        /// <summary>Device time (timing model) of the request just executed, spent on the link before its reply goes
        /// out.</summary>
        internal double OwedDeviceSeconds { get; set; }

        /// <summary>Its TCP connection ended without CMD_EXIT and the device still holds the slot (<see
        /// cref="EmulatorOptions.OrphanSessionTimeout"/>).</summary>
        public bool Orphaned { get; internal set; }

        /// <summary>Closes the TCP connection behind this session (set by the TCP transport).</summary>
        internal Action? CloseTransport { get; set; }

        /// <summary>Buffer prepared by 1503 for 1504 chunk reads; freed by 1502.</summary>
        internal byte[]? ReadBuffer { get; set; }

        internal UploadBuffer? Upload { get; set; }

        public override string ToString() => $"session 0x{Id:X4}/{Transport.ToString().ToLowerInvariant()}";
    }
}
