using System;
using System.Collections.Generic;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>What happens after a reply has been sent.</summary>
    internal enum AfterReply
    {
        None,

        /// <summary>CMD_EXIT: free the session (and close its TCP connection).</summary>
        CloseSession,

        /// <summary>CMD_RESTART: drop every session, keep the data.</summary>
        Restart,

        /// <summary>A CONNECT refused for lack of slots: close the TCP connection.</summary>
        CloseTransport,
    }

    /// <summary>The packets answering one request, in order. The last one is the "final" reply firmware
    /// caches.</summary>
    internal sealed class Reply
    {
        public Reply(IReadOnlyList<Packet> packets, bool isLargeData = false, AfterReply after = AfterReply.None)
        {
            Packets = packets;
            IsLargeData = isLargeData;
            After = after;
        }

        public IReadOnlyList<Packet> Packets { get; }

        /// <summary>A multi-packet transfer (paced by <see cref="EmulatorOptions.LargeDataPacketGap"/>).</summary>
        public bool IsLargeData { get; }

        public AfterReply After { get; }

        public static Reply Silent { get; } = new Reply(Array.Empty<Packet>());

        public static Reply One(Packet p, AfterReply after = AfterReply.None) => new Reply(new[] { p }, false, after);
    }
}
