using System;
using System.Text;

namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// char[n] fields of the firmware structs: bytes up to the first NUL, padded with NULs, not terminated when full
    /// (fp-firmware trunk/M880trunk/flashdb.h). Request payloads that carry a PIN2 or a file name use the same form.
    /// </summary>
    public static class DeviceText
    {
        public static string Read(byte[] b, int offset, int width, Encoding encoding)
        {
            int end = offset,
                limit = Math.Min(b.Length, offset + width);
            while (end < limit && b[end] != 0)
                end++;
            return end > offset ? encoding.GetString(b, offset, end - offset) : "";
        }

        /// <summary>Writes <paramref name="value"/> NUL-padded; text too long is cut to whole characters when allowed,
        /// else refused.</summary>
        public static void Write(
            string? value,
            byte[] b,
            int offset,
            int width,
            Encoding encoding,
            bool allowCut,
            string field
        )
        {
            string text = value ?? "";
            byte[] bytes = encoding.GetBytes(text);
            while (bytes.Length > width)
            {
                if (!allowCut)
                    throw new ArgumentException(
                        $"{field} '{value}' needs {bytes.Length} bytes; the device field holds {width}.",
                        field
                    );
                text = text.Substring(
                    0,
                    char.IsLowSurrogate(text[text.Length - 1]) ? text.Length - 2 : text.Length - 1
                );
                bytes = encoding.GetBytes(text);
            }
            for (int i = 0; i < width; i++)
                b[offset + i] = i < bytes.Length ? bytes[i] : (byte)0;
        }

        /// <summary>The PIN2 (user id) at the start of a request payload: char[24] (commands 133, 134,
        /// 150-152).</summary>
        public static string RequestPin(byte[] payload) => Read(payload, 0, DeviceUserRecord.Pin2Width, Encoding.ASCII);

        /// <summary>A NUL-terminated file name from <paramref name="offset"/> to the end of a request payload
        /// (10009-10011, 110/1700, 1702).</summary>
        public static string RequestName(byte[] payload, int offset = 0)
        {
            if (offset > payload.Length)
                throw new ArgumentException("File name payload is too short.", nameof(payload));
            return Read(payload, offset, payload.Length - offset, Encoding.ASCII);
        }

        /// <summary>CMD_OPTIONS_RRQ / WRQ carry "name" or "name=value", NUL-terminated or not (fp-firmware commu.c
        /// GetOptionNameAndValue).</summary>
        public static string OptionText(byte[] payload) => Read(payload, 0, payload.Length, Encoding.ASCII);

        /// <summary>User photos are stored as "&lt;PIN2&gt;.jpg" (face notes: fp-firmware usermng.c SavePhoto;
        /// fpmachine devices.py).</summary>
        public static string PhotoFileName(string pin2) => pin2 + ".jpg";
    }
}
