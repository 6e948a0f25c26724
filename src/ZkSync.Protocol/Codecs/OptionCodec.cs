using System.Text;
using ZkSync.Protocol.Errors;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>CMD_OPTIONS_RRQ / WRQ payloads: "name\0" out, "name=value\0" back (docs/protocol.md §5).</summary>
    public static class OptionCodec
    {
        public static byte[] EncodeRequest(string name) => Encoding.ASCII.GetBytes(name + "\0");

        public static byte[] EncodeAssignment(string name, string value) =>
            Encoding.ASCII.GetBytes(name + "=" + value + "\0");

        /// <summary>The value after the first '=', cut at the first NUL (as pyzk reads it).</summary>
        public static string DecodeValue(byte[] payload, string name)
        {
            string text = Encoding.ASCII.GetString(payload);
            int nul = text.IndexOf('\0');
            if (nul >= 0) text = text.Substring(0, nul);
            int eq = text.IndexOf('=');
            if (eq < 0) throw new ZkMalformedReplyException($"Option reply for {name} has no '=': \"{text}\".");
            return text.Substring(eq + 1);
        }

        /// <summary>Device side: splits a request payload into the option name (cut at NUL).</summary>
        public static string DecodeName(byte[] payload)
        {
            string text = Encoding.ASCII.GetString(payload);
            int nul = text.IndexOf('\0');
            return nul >= 0 ? text.Substring(0, nul) : text;
        }
    }
}
