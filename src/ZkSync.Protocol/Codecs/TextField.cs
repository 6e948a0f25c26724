using System;
using System.Text;
using ZkSync.Protocol.Errors;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>What to do when text does not fit its fixed-width field.</summary>
    public enum TruncationMode
    {
        /// <summary>Refuse with <see cref="ZkInvalidDataException"/>.</summary>
        Error,

        /// <summary>Cut at a character boundary and report it.</summary>
        Truncate,
    }

    /// <summary>Fixed-width, NUL-padded text fields (names, passwords, user ids) in a per-connection
    /// encoding.</summary>
    public static class TextField
    {
        /// <summary>Encodings by name, with code pages (GBK, windows-1256 ...) registered once.</summary>
        public static Encoding GetEncoding(string name)
        {
            EnsureCodePages();
            try
            {
                var named = Encoding.GetEncoding(name);
                // Strict: refuse characters the encoding cannot hold instead of writing '?'.
                return Encoding.GetEncoding(
                    named.CodePage,
                    EncoderFallback.ExceptionFallback,
                    DecoderFallback.ReplacementFallback
                );
            }
            catch (ArgumentException ex)
            {
                throw new ZkInvalidDataException(
                    $"Unknown text encoding '{name}'. Use a name such as utf-8, gbk, windows-1256 or big5.",
                    "Encoding"
                )
                {
                    Source = ex.Source,
                };
            }
        }

        public static Encoding Utf8 { get; } = new UTF8Encoding(false, false);

        private static bool Registered;

        private static void EnsureCodePages()
        {
            if (Registered) return;
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            Registered = true;
        }

        /// <summary>Decodes a field: cut at the first NUL, decode, trim trailing spaces.</summary>
        public static string Decode(byte[] buffer, int offset, int width, Encoding encoding)
        {
            int end = offset;
            int limit = offset + width;
            while (end < limit && buffer[end] != 0) end++;
            return encoding.GetString(buffer, offset, end - offset).TrimEnd(' ');
        }

        /// <summary>
        /// Encodes <paramref name="value"/> into <paramref name="width"/> bytes at <paramref name="offset"/>.
        /// Returns true when the value was truncated (only possible with <see cref="TruncationMode.Truncate"/>).
        /// </summary>
        public static bool Encode(
            string value,
            byte[] target,
            int offset,
            int width,
            Encoding encoding,
            TruncationMode mode,
            string fieldName
        )
        {
            value ??= "";
            byte[] bytes;
            try
            {
                bytes = encoding.GetBytes(value);
            }
            catch (EncoderFallbackException)
            {
                throw new ZkInvalidDataException(
                    $"{fieldName} '{value}' has characters that {encoding.WebName} cannot encode.",
                    fieldName
                );
            }
            if (Array.IndexOf(bytes, (byte)0) >= 0)
                throw new ZkInvalidDataException($"{fieldName} must not contain a NUL character.", fieldName);
            bool truncated = false;
            if (bytes.Length > width)
            {
                if (mode == TruncationMode.Error)
                    throw new ZkInvalidDataException(
                        $"{fieldName} '{value}' is {bytes.Length} bytes in {encoding.WebName}; the field holds "
                            + $"{width}.",
                        fieldName
                    );
                bytes = CutAtCharBoundary(value, width, encoding);
                truncated = true;
            }
            Array.Clear(target, offset, width);
            Buffer.BlockCopy(bytes, 0, target, offset, bytes.Length);
            return truncated;
        }

        /// <summary>The longest prefix of whole characters whose encoding fits in <paramref name="width"/>
        /// bytes.</summary>
        public static byte[] CutAtCharBoundary(string value, int width, Encoding encoding)
        {
            var info = new System.Globalization.StringInfo(value);
            for (int n = info.LengthInTextElements; n > 0; n--)
            {
                var bytes = encoding.GetBytes(info.SubstringByTextElements(0, n));
                if (bytes.Length <= width) return bytes;
            }
            return Array.Empty<byte>();
        }

        /// <summary>What a value reads back as after <see cref="Encode"/> with truncation.</summary>
        public static string Fit(string value, int width, Encoding encoding) =>
            encoding.GetString(
                encoding.GetByteCount(value ?? "") <= width
                    ? encoding.GetBytes(value ?? "")
                    : CutAtCharBoundary(value ?? "", width, encoding)
            );
    }
}
