using System;
using System.Text;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>
    /// Payloads keyed by user id (PIN2): the 28-byte form of face commands 150/151/152
    /// ([0..23] PIN2, [24] 0, [25] index 50, [26..27] u16 length) and photo file names "&lt;PIN2&gt;.jpg".
    /// </summary>
    public static class PinPayload
    {
        public const int PinWidth = 24;
        public const byte AllFacesIndex = 50;
        public const int FaceRequestSize = 28;
        public const int PhotoNameWidth = 39;

        public static byte[] FaceRequest(string userId, int blobLength = 0)
        {
            var payload = new byte[FaceRequestSize];
            TextField.Encode(userId, payload, 0, PinWidth, Encoding.ASCII, TruncationMode.Error, "UserId");
            payload[25] = AllFacesIndex;
            LittleEndian.Put(payload, 26, (ushort)blobLength);
            return payload;
        }

        /// <summary>Device side: the PIN2 of a face request (first 24 bytes, cut at NUL).</summary>
        public static string ReadPin(byte[] payload) =>
            TextField.Decode(payload, 0, Math.Min(PinWidth, payload.Length), Encoding.ASCII);

        public static string PhotoFileName(string userId) => userId + ".jpg";

        /// <summary>10009 (ZMM photo write): "&lt;PIN2&gt;.jpg" NUL-padded to 39 bytes + 4 zero bytes (43
        /// bytes).</summary>
        public static byte[] PhotoWrite(string userId)
        {
            var payload = new byte[PhotoNameWidth + 4];
            TextField.Encode(
                PhotoFileName(userId),
                payload,
                0,
                PhotoNameWidth,
                Encoding.ASCII,
                TruncationMode.Error,
                "UserId"
            );
            return payload;
        }

        /// <summary>10010 / 10011 (ZMM photo read / delete) and 1702 (file read): the name NUL-terminated.</summary>
        public static byte[] FileName(string name) => Encoding.ASCII.GetBytes(name + "\0");

        /// <summary>110 sub-type 1700 (older TFT file write): u32 1700 then the name NUL-padded to 39 bytes (43
        /// bytes).</summary>
        public static byte[] FileWrite(string name)
        {
            var payload = new byte[4 + PhotoNameWidth];
            LittleEndian.Put(payload, 0, CommandCode.UpdateSubtypeFile);
            TextField.Encode(name, payload, 4, PhotoNameWidth, Encoding.ASCII, TruncationMode.Error, "FileName");
            return payload;
        }

        /// <summary>Device side: a NUL-terminated name at <paramref name="offset"/>.</summary>
        public static string ReadName(byte[] payload, int offset = 0)
        {
            if (offset > payload.Length) throw new ZkMalformedReplyException("File name payload is too short.");
            return TextField.Decode(payload, offset, payload.Length - offset, Encoding.ASCII);
        }
    }
}
