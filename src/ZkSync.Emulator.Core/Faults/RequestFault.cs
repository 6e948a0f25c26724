using System;

namespace ZkSync.Emulator.Core.Faults
{
    /// <summary>What the injected faults do to one request, decided when it arrives.</summary>
    internal sealed class RequestFault
    {
        public static readonly RequestFault None = new RequestFault();

        /// <summary>The device never sees it (a lost datagram, or a hung device).</summary>
        public bool Drop { get; set; }

        /// <summary>Executed, then every datagram of the reply is lost (UDP).</summary>
        public bool LoseReply { get; set; }

        /// <summary>Executed, then the TCP connection is reset instead of the reply going out.</summary>
        public bool ResetInsteadOfReply { get; set; }

        /// <summary>The reply leaves this much later.</summary>
        public TimeSpan Delay { get; set; }

        /// <summary>The device restarts once the reply is out.</summary>
        public bool RestartAfterReply { get; set; }

        /// <summary>Why, for the emulator log.</summary>
        public string Why { get; set; } = "";
    }
}
