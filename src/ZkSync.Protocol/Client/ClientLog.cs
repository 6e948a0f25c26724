using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Client
{
    /// <summary>The client layer's log messages, generated once (CA1848) so a disabled level costs no
    /// formatting.</summary>
    internal static partial class ClientLog
    {
        [LoggerMessage(
            EventId = 201,
            Level = LogLevel.Information,
            Message = "{Device}: connected, session 0x{Session:X4}; {Format}-byte users, PIN width {PinWidth}, "
                + "ZKFinger {Fp}, faces {Faces}, photos {Photos}."
        )]
        public static partial void Connected(
            this ILogger logger,
            string device,
            ushort session,
            int format,
            int pinWidth,
            int fp,
            string faces,
            PhotoCommandFamily photos
        );

        [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "{Device}: read {What}: {Bytes} bytes.")]
        public static partial void ReadTable(this ILogger logger, string device, string what, int bytes);

        [LoggerMessage(
            EventId = 203,
            Level = LogLevel.Warning,
            Message = "{Device}: {Reason} Reconnecting and repeating the operation ({Attempt} of {Max})."
        )]
        public static partial void Reconnecting(
            this ILogger logger,
            string device,
            string reason,
            int attempt,
            int max
        );

        [LoggerMessage(
            EventId = 206,
            Level = LogLevel.Information,
            Message = "{Device}: the connection was closed after {Idle:0.#} s idle (a NAT or firewall idle timeout, "
                + "or the device restarted); reconnecting."
        )]
        public static partial void IdleClosedByDevice(this ILogger logger, string device, double idle);

        [LoggerMessage(
            EventId = 207,
            Level = LogLevel.Information,
            Message = "{Device}: reconnected, session 0x{Session:X4}{Restored}."
        )]
        public static partial void Reconnected(this ILogger logger, string device, ushort session, string restored);

        [LoggerMessage(
            EventId = 208,
            Level = LogLevel.Information,
            Message = "{Device}: stored a {Bytes}-byte photo for user {UserId}."
        )]
        public static partial void StoredPhoto(this ILogger logger, string device, int bytes, string userId);

        [LoggerMessage(
            EventId = 209,
            Level = LogLevel.Warning,
            Message = "{Device}: releasing the upload buffer failed ({Reason}); the device frees it at the next "
                + "upload or when the session ends."
        )]
        public static partial void UploadBufferNotReleased(this ILogger logger, string device, string reason);

        [LoggerMessage(
            EventId = 210,
            Level = LogLevel.Warning,
            Message = "{Device}: the refresh owed for writes made while disabled failed ({Reason}); enabling anyway. "
                + "The device loads them on its next refresh or restart."
        )]
        public static partial void RefreshFailedEnabling(this ILogger logger, string device, string reason);

        [LoggerMessage(
            EventId = 211,
            Level = LogLevel.Warning,
            Message = "{Device}: the refresh owed for writes made while disabled failed ({Reason}); the device loads "
                + "them on its next refresh or restart."
        )]
        public static partial void RefreshFailed(this ILogger logger, string device, string reason);

        [LoggerMessage(
            EventId = 212,
            Level = LogLevel.Information,
            Message = "{Device}: restart requested; connection closed."
        )]
        public static partial void RestartRequested(this ILogger logger, string device);

        [LoggerMessage(
            EventId = 213,
            Level = LogLevel.Warning,
            Message = "{Device}: user buffer of {Total} bytes for {Users} users fits no record size."
        )]
        public static partial void UserBufferFitsNoRecord(this ILogger logger, string device, int total, int users);

        [LoggerMessage(
            EventId = 214,
            Level = LogLevel.Information,
            Message = "{Device}: wrote {Count} face records ({Bytes} bytes) for user {UserId}."
        )]
        public static partial void WroteFaces(this ILogger logger, string device, int count, int bytes, string userId);

        [LoggerMessage(
            EventId = 215,
            Level = LogLevel.Information,
            Message = "{Device}: wrote {Users} users ({New} new) and {Templates} templates in one {Bytes}-byte upload."
        )]
        public static partial void WroteUsers(
            this ILogger logger,
            string device,
            int users,
            int @new,
            int templates,
            int bytes
        );
    }
}
