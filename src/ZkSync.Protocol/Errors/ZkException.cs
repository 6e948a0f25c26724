using System;

namespace ZkSync.Protocol.Errors
{
    /// <summary>Base of every error the engine raises. Always says which device and, where known, which
    /// command.</summary>
    public class ZkException : Exception
    {
        public ZkException(string message, string? device = null, ushort? command = null, Exception? inner = null)
            : base(Compose(message, device, command), inner)
        {
            Device = device;
            Command = command;
            Reason = message;
        }

        /// <summary>The message without the device and command decoration (to re-raise with more context).</summary>
        public string Reason { get; }

        /// <summary>"host:port/transport" of the device involved, when known.</summary>
        public string? Device { get; }

        /// <summary>Command number that failed, when the failure belongs to one command (for -Debug; messages name the
        /// operation).</summary>
        public ushort? Command { get; }

        /// <summary>What was being done when it failed ("connecting", "reading users"), when the failure belongs to one
        /// command.</summary>
        public string? Operation => Command == null ? null : OperationNames.Of(Command.Value);

        /// <summary>The message without the device prefix: for text that already says which device (a sync summary's
        /// Error).</summary>
        public string MessageWithoutDevice => Compose(Reason, null, Command);

        /// <summary>The message of <paramref name="exception"/> without the device prefix when it is an engine
        /// error.</summary>
        public static string WithoutDevice(Exception exception) =>
            exception is ZkException zk ? zk.MessageWithoutDevice : exception.Message;

        private static string Compose(string message, string? device, ushort? command)
        {
            string where = device == null ? "" : $"{device}: ";
            string what = command == null ? "" : $" (while {OperationNames.Of(command.Value)})";
            return where + message + what;
        }
    }

    /// <summary>The device did not answer within the timeout (after any retries).</summary>
    public sealed class ZkTimeoutException : ZkException
    {
        public ZkTimeoutException(
            string message,
            string? device = null,
            ushort? command = null,
            Exception? inner = null
        )
            : base(message, device, command, inner) { }
    }

    /// <summary>The connection could not be opened, or was closed or reset while in use.</summary>
    public sealed class ZkConnectionException : ZkException
    {
        public ZkConnectionException(
            string message,
            string? device = null,
            ushort? command = null,
            Exception? inner = null
        )
            : base(message, device, command, inner) { }
    }

    /// <summary>The device refused the comm key (or demands one that was not given).</summary>
    public sealed class ZkAuthenticationException : ZkException
    {
        public ZkAuthenticationException(string message, string? device = null, ushort? command = null)
            : base(message, device, command) { }
    }

    /// <summary>The device answered with an error reply code.</summary>
    public sealed class ZkDeviceErrorException : ZkException
    {
        public ZkDeviceErrorException(
            string message,
            ushort replyCode,
            ushort subCode,
            string? device = null,
            ushort? command = null
        )
            : base($"{message} [reply {replyCode}, sub-code {subCode}]", device, command)
        {
            ReplyCode = replyCode;
            SubCode = subCode;
        }

        public ushort ReplyCode { get; }

        /// <summary>What the device put in the session field of its error reply (firmware sub-code).</summary>
        public ushort SubCode { get; }
    }

    /// <summary>Something answered that does not speak the ZKTeco protocol (a web server on that port, another
    /// service).</summary>
    public sealed class ZkNotATerminalException : ZkException
    {
        public ZkNotATerminalException(string message, string? device = null) : base(message, device) { }
    }

    /// <summary>A reply that does not follow the protocol: short, lying about its length, wrong hash, undecodable
    /// records.</summary>
    public sealed class ZkMalformedReplyException : ZkException
    {
        public ZkMalformedReplyException(
            string message,
            string? device = null,
            ushort? command = null,
            Exception? inner = null
        )
            : base(message, device, command, inner) { }
    }

    /// <summary>A value given by the caller cannot be sent: a field too wide, text not encodable, a PIN the device
    /// cannot hold.</summary>
    public sealed class ZkInvalidDataException : ZkException
    {
        public ZkInvalidDataException(string message, string? field = null, string? device = null)
            : base(message, device)
        {
            Field = field;
        }

        public string? Field { get; }
    }

    /// <summary>The device has no room for what is being written.</summary>
    public sealed class ZkCapacityException : ZkException
    {
        public ZkCapacityException(string message, string? device = null, ushort? command = null)
            : base(message, device, command) { }
    }

    /// <summary>The device does not support the requested operation (no faces, no photos, different
    /// algorithm).</summary>
    public sealed class ZkNotSupportedException : ZkException
    {
        public ZkNotSupportedException(string message, string? device = null, ushort? command = null)
            : base(message, device, command) { }
    }

    /// <summary>Why a device refused to open a session.</summary>
    public enum ZkSessionRefusalReason
    {
        /// <summary>Every session slot is taken (CONNECT answered ACK_ERROR): sessions of clients that never sent
        /// CMD_EXIT.</summary>
        SlotsFull,

        /// <summary>CONNECT answered 6001 and CMD_AUTH was refused: a newer firmware handshake this engine does not
        /// speak.</summary>
        NewFirmwareHandshake,
    }

    /// <summary>The device would not open a session at all (as opposed to refusing a comm key, or a command
    /// failing).</summary>
    public sealed class ZkSessionRefusedException : ZkException
    {
        public ZkSessionRefusedException(
            string message,
            ZkSessionRefusalReason refusal,
            string? device = null,
            ushort? command = null
        )
            : base(message, device, command)
        {
            Refusal = refusal;
        }

        public ZkSessionRefusalReason Refusal { get; }
    }
}
