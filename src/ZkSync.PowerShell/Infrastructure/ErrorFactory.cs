using System;
using System.IO;
using System.Management.Automation;
using System.Net.Sockets;
using ZkSync.Protocol.Errors;
using ZkSync.Sync.Backup;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>The one place that turns engine failures into ErrorRecords with a stable id and a fitting
    /// category.</summary>
    internal static class ErrorFactory
    {
        public static ErrorRecord FromException(Exception exception, object? target)
        {
            Exception inner = Unwrap(exception);
            (string id, ErrorCategory category) = Classify(inner);
            return new ErrorRecord(inner, id, category, target);
        }

        /// <summary>Error id and category for an engine (or socket) exception. Order matters: specific types
        /// first.</summary>
        internal static (string Id, ErrorCategory Category) Classify(Exception exception) =>
            exception switch
            {
                ZkBackupPasswordException _ => (ErrorIds.BackupPasswordInvalid, ErrorCategory.SecurityError),
                ZkBackupException _ => (ErrorIds.BackupInvalid, ErrorCategory.InvalidData),
                ZkSessionRefusedException r when r.Refusal == ZkSessionRefusalReason.SlotsFull => (
                    ErrorIds.SessionSlotsFull,
                    ErrorCategory.ResourceUnavailable
                ),
                ZkSessionRefusedException _ => (ErrorIds.HandshakeNotSupported, ErrorCategory.ProtocolError),
                ZkAuthenticationException _ => (ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError),
                ZkTimeoutException _ => (ErrorIds.Timeout, ErrorCategory.OperationTimeout),
                ZkConnectionException _ => (ErrorIds.ConnectFailed, ErrorCategory.ConnectionError),
                ZkInvalidDataException _ => (ErrorIds.InvalidData, ErrorCategory.InvalidData),
                ZkNotSupportedException _ => (ErrorIds.NotSupported, ErrorCategory.InvalidOperation),
                ZkCapacityException _ => (ErrorIds.DeviceFull, ErrorCategory.LimitsExceeded),
                ZkNotATerminalException _ => (ErrorIds.NotZkTerminal, ErrorCategory.ProtocolError),
                ZkMalformedReplyException _ => (ErrorIds.MalformedReply, ErrorCategory.ProtocolError),
                ZkDeviceErrorException _ => (ErrorIds.DeviceError, ErrorCategory.DeviceError),
                ZkException _ => (ErrorIds.DeviceError, ErrorCategory.DeviceError),
                TimeoutException _ => (ErrorIds.Timeout, ErrorCategory.OperationTimeout),
                SocketException _ => (ErrorIds.ConnectFailed, ErrorCategory.ConnectionError),
                // Engine I/O is socket I/O; cmdlets that touch files report those failures with FileError themselves.
                IOException _ => (ErrorIds.ConnectFailed, ErrorCategory.ConnectionError),
                ArgumentException _ => (ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument),
                _ => (ErrorIds.UnexpectedError, ErrorCategory.NotSpecified),
            };

        public static ErrorRecord Create(string id, ErrorCategory category, string message, object? target) =>
            new ErrorRecord(new InvalidOperationException(message), id, category, target);

        public static ErrorRecord NoSession() =>
            Create(
                ErrorIds.NoSession,
                ErrorCategory.InvalidOperation,
                "No ZkSync session is open in this runspace. Run Connect-ZkDevice first, or pass -Session.",
                null
            );

        public static ErrorRecord SessionClosed(ZkSession session) =>
            Create(
                ErrorIds.SessionClosed,
                ErrorCategory.ConnectionError,
                $"Session {session.Id} to {session.Device} is closed. Run Connect-ZkDevice again.",
                session
            );

        public static ErrorRecord UserNotFound(string userId, ZkSession session) =>
            new ErrorRecord(
                new ItemNotFoundException($"User {userId} was not found on {session.Device}."),
                ErrorIds.UserNotFound,
                ErrorCategory.ObjectNotFound,
                userId
            );

        public static ErrorRecord UserExists(string userId, ZkSession session) =>
            Create(
                ErrorIds.UserExists,
                ErrorCategory.ResourceExists,
                $"User {userId} already exists on {session.Device}. Use Set-ZkUser to change it.",
                userId
            );

        /// <summary>A file that could not be read or written: missing (FileNotFound), not allowed, or failing
        /// I/O.</summary>
        public static ErrorRecord FileError(Exception exception, string path, FileAccess access)
        {
            if (exception is FileNotFoundException || exception is DirectoryNotFoundException)
                return FileNotFound(path, exception);
            ErrorCategory category =
                exception is UnauthorizedAccessException ? ErrorCategory.PermissionDenied
                : access == FileAccess.Read ? ErrorCategory.ReadError
                : ErrorCategory.WriteError;
            return new ErrorRecord(exception, ErrorIds.FileError, category, path);
        }

        public static ErrorRecord FileNotFound(string path, Exception? inner = null) =>
            new ErrorRecord(
                new ItemNotFoundException($"No such file: {path}", inner),
                ErrorIds.FileNotFound,
                ErrorCategory.ObjectNotFound,
                path
            );

        /// <summary>Tasks wrap the real failure; users should see the engine's own exception and message.</summary>
        private static Exception Unwrap(Exception exception)
        {
            while (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
                exception = aggregate.InnerException!;
            return exception;
        }
    }
}
