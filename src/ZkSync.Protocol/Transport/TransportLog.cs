using Microsoft.Extensions.Logging;

namespace ZkSync.Protocol.Transport
{
    /// <summary>The transport layer's log messages, generated once (CA1848) so a disabled level costs no
    /// formatting.</summary>
    internal static partial class TransportLog
    {
        [LoggerMessage(
            EventId = 301,
            Level = LogLevel.Information,
            Message = "{Device}: TCP unavailable ({Reason}); trying UDP."
        )]
        public static partial void TcpUnavailable(this ILogger logger, string device, string reason);
    }
}
