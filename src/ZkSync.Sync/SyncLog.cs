using System;
using Microsoft.Extensions.Logging;

namespace ZkSync.Sync
{
    /// <summary>The sync layer's log messages, generated once (CA1848) so a disabled level costs no
    /// formatting.</summary>
    internal static partial class SyncLog
    {
        [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "Sync to {Destination} failed")]
        public static partial void SyncFailed(this ILogger logger, Exception exception, string destination);

        [LoggerMessage(
            EventId = 402,
            Level = LogLevel.Information,
            Message = "Sync {Source} -> {Summary} in {Duration}"
        )]
        public static partial void SyncDone(this ILogger logger, string source, SyncSummary summary, TimeSpan duration);

        [LoggerMessage(EventId = 403, Level = LogLevel.Warning, Message = "Closing {Destination} failed")]
        public static partial void CloseFailed(this ILogger logger, Exception exception, string destination);

        [LoggerMessage(
            EventId = 404,
            Level = LogLevel.Error,
            Message = "Could not re-enable {Destination}; it stays disabled until re-enabled or restarted"
        )]
        public static partial void ReEnableFailed(this ILogger logger, Exception exception, string destination);
    }
}
