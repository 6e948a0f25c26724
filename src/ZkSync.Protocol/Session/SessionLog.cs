using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Session
{
    /// <summary>The session layer's log messages, generated once (CA1848) so a disabled level costs no
    /// formatting.</summary>
    internal static partial class SessionLog
    {
        [LoggerMessage(
            EventId = 101,
            Level = LogLevel.Debug,
            Message = "{Device}: CONNECT answered {Code}; authenticating with {Key}."
        )]
        public static partial void ConnectAnswered(this ILogger logger, string device, ushort code, string key);

        [LoggerMessage(
            EventId = 102,
            Level = LogLevel.Information,
            Message = "{Device}: operation cancelled; ending the session (CMD_EXIT) so the device frees its slot."
        )]
        public static partial void CancelledEndingSession(this ILogger logger, string device);

        [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "{Device}: disconnected.")]
        public static partial void Disconnected(this ILogger logger, string device);

        [LoggerMessage(
            EventId = 104,
            Level = LogLevel.Debug,
            Message = "{Device}: CMD_EXIT not acknowledged ({Reason}); closing anyway."
        )]
        public static partial void ExitNotAcknowledged(this ILogger logger, string device, string reason);

        [LoggerMessage(
            EventId = 105,
            Level = LogLevel.Debug,
            Message = "{Device}: sent command {Command} reply id {ReplyId}, {Length} B payload{Attempt}."
        )]
        public static partial void SentCommand(
            this ILogger logger,
            string device,
            ushort command,
            ushort replyId,
            int length,
            string attempt
        );

        [LoggerMessage(
            EventId = 106,
            Level = LogLevel.Debug,
            Message = "{Device}: ignored a {Length}-byte packet shorter than a header."
        )]
        public static partial void IgnoredShortPacket(this ILogger logger, string device, int length);

        [LoggerMessage(
            EventId = 107,
            Level = LogLevel.Warning,
            Message = "{Device}: ignored a packet with a bad checksum ({Packet})."
        )]
        public static partial void IgnoredBadChecksum(this ILogger logger, string device, Packet packet);

        [LoggerMessage(
            EventId = 108,
            Level = LogLevel.Debug,
            Message = "{Device}: ignored a stale reply ({Packet}); waiting for reply id {ReplyId}."
        )]
        public static partial void IgnoredStaleReply(this ILogger logger, string device, Packet packet, ushort replyId);

        [LoggerMessage(EventId = 109, Level = LogLevel.Debug, Message = "{Device}: received {Packet}.")]
        public static partial void Received(this ILogger logger, string device, Packet packet);

        [LoggerMessage(
            EventId = 110,
            Level = LogLevel.Debug,
            Message = "{Device}: acknowledged event flag {Flag} ({Length} B) that arrived before a reply."
        )]
        public static partial void AcknowledgedEvent(this ILogger logger, string device, ushort flag, int length);

        [LoggerMessage(
            EventId = 111,
            Level = LogLevel.Information,
            Message = "{Device}: no reply to command {Command} (reply id {ReplyId}) within {WaitMs} ms, the timer of "
                + "{Kind} requests learned from {Samples} replies (smoothed round trip {SrttMs} ms); re-sending it, "
                    + "attempt {Attempt}."
        )]
        public static partial void Resending(
            this ILogger logger,
            string device,
            ushort command,
            ushort replyId,
            int waitMs,
            RequestKind kind,
            int samples,
            int srttMs,
            int attempt
        );

        [LoggerMessage(
            EventId = 112,
            Level = LogLevel.Information,
            Message = "{Device}: the data stream answering command {Command} (reply id {ReplyId}) stalled for "
                + "{WaitMs} ms; asking again for what is missing."
        )]
        public static partial void StreamStalled(
            this ILogger logger,
            string device,
            ushort command,
            ushort replyId,
            int waitMs
        );

        [LoggerMessage(
            EventId = 113,
            Level = LogLevel.Debug,
            Message = "{Device}: abandoning the UDP session: CMD_EXIT (reply id {ReplyId}) sent without waiting, so "
                + "the device frees its slot."
        )]
        public static partial void AbandonedWithExit(this ILogger logger, string device, ushort replyId);
    }
}
