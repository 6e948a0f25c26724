using System;
using System.Text;

namespace ZkSync.Protocol.Transport
{
    /// <summary>
    /// Names what answered on a TCP port when its first bytes are not a ZKTeco envelope: admins often point at the
    /// wrong port or host (a web interface on the same box), and "wrong magic 48-54-54-50" would not tell them that.
    /// </summary>
    internal static class ForeignAnswer
    {
        /// <summary>"an HTTP server"-style description of a stream starting with <paramref name="start"/>, or null if
        /// not recognised.</summary>
        public static string? Recognise(byte[] start)
        {
            string text = Encoding.ASCII.GetString(start, 0, Math.Min(start.Length, 8));
            if (text.StartsWith("HTTP/", StringComparison.Ordinal) || text.StartsWith("<", StringComparison.Ordinal))
                return "an HTTP server";
            if (text.StartsWith("SSH-", StringComparison.Ordinal))
                return "an SSH server";
            if (text.StartsWith("220", StringComparison.Ordinal))
                return "an FTP or SMTP server";
            if (text.StartsWith("RFB ", StringComparison.Ordinal))
                return "a VNC server";
            if (start.Length >= 2 && (start[0] == 0x15 || start[0] == 0x16) && start[1] == 0x03)
                return "a TLS server";
            return null;
        }

        /// <summary>
        /// True when a first answer is not the envelope at all: a recognised other protocol, or not even its leading
        /// "PP" (50 50). A first frame that starts like the envelope but is wrong further on is a damaged frame
        /// instead.
        /// </summary>
        public static bool IsForeign(byte[] start) =>
            Recognise(start) != null || start.Length < 2 || start[0] != 0x50 || start[1] != 0x50;

        /// <summary>The message for a first answer that is not the ZKTeco protocol.</summary>
        public static string Message(byte[] start)
        {
            string? what = Recognise(start);
            string bytes = BitConverter.ToString(start, 0, Math.Min(start.Length, 8));
            return what == null
                ? $"This is not a ZKTeco terminal, or not its protocol port: the answer does not start with the "
                    + $"ZKTeco TCP envelope (first bytes {bytes})."
                : $"This is not a ZKTeco terminal: {what} answered on this port (first bytes {bytes}). Check the "
                    + "address and port (terminals use 4370).";
        }
    }
}
