using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Session
{
    /// <summary>Maps device reply codes to typed errors that name the device and the command.</summary>
    internal static class ReplyCheck
    {
        public static Packet EnsureOk(this Packet reply, string device, ushort command, string what)
        {
            if (reply.Command == ReplyCode.Ok) return reply;
            throw Failure(reply, device, command, what);
        }

        public static ZkException Failure(Packet reply, string device, ushort command, string what)
        {
            if (reply.Command == ReplyCode.Unauthorized)
                return new ZkAuthenticationException(
                    $"{what}: the device answered 'not authenticated'.",
                    device,
                    command
                );
            return new ZkDeviceErrorException(
                $"{what} failed: {Describe(reply.Command)}",
                reply.Command,
                reply.SessionId,
                device,
                command
            );
        }

        public static bool IsError(Packet reply, params ushort[] codes)
        {
            foreach (var c in codes)
                if (reply.Command == c)
                    return true;
            return false;
        }

        public static string Describe(ushort code) =>
            code switch
            {
                ReplyCode.Error => "device error",
                ReplyCode.Unknown => "unknown command",
                ReplyCode.NoPicture => "no picture",
                ReplyCode.NoRecord => "no record",
                ReplyCode.NoFingerprint => "no fingerprint",
                ReplyCode.NoData => "no data",
                ReplyCode.UploadBufferEmpty => "upload buffer empty",
                ReplyCode.OptionNotFound => "option not found",
                _ => $"unexpected reply {code}",
            };

        /// <summary>The same error with the command filled in (transport errors do not know which command was
        /// running).</summary>
        public static ZkException WithCommand(ZkException ex, string device, ushort command)
        {
            if (ex.Command != null)
                return ex;
            return ex switch
            {
                ZkConnectionException _ => new ZkConnectionException(ex.Reason, device, command, ex),
                ZkTimeoutException _ => new ZkTimeoutException(ex.Reason, device, command, ex),
                ZkMalformedReplyException _ => new ZkMalformedReplyException(ex.Reason, device, command, ex),
                _ => ex,
            };
        }
    }
}
