using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>A field that was cut to fit the device, reported to the caller rather than hidden.</summary>
    public sealed class FieldTruncation
    {
        public FieldTruncation(string field, string original, string stored)
        {
            Field = field;
            Original = original;
            Stored = stored;
        }

        public string Field { get; }
        public string Original { get; }
        public string Stored { get; }

        public override string ToString() => $"{Field} '{Original}' stored as '{Stored}'";
    }

    /// <summary>28- and 72-byte user records (protocol notes §6.1, §6.2).</summary>
    public static class UserRecordCodec
    {
        public const int PasswordWidth72 = 8, NameWidth72 = 24, UserIdWidth72 = 24;
        public const int PasswordWidth28 = 5, NameWidth28 = 8;

        public static int SizeOf(UserRecordFormat format) => (int)format;

        public static int NameWidth(UserRecordFormat format) => format == UserRecordFormat.Extended72 ? NameWidth72 : NameWidth28;

        public static int PasswordWidth(UserRecordFormat format) => format == UserRecordFormat.Extended72 ? PasswordWidth72 : PasswordWidth28;

        public static ZkUser Decode(byte[] b, int o, UserRecordFormat format, Encoding encoding)
        {
            var u = new ZkUser { Uid = LittleEndian.U16(b, o), PrivilegeByte = b[o + 2] };
            if (format == UserRecordFormat.Extended72)
            {
                u.Password = TextField.Decode(b, o + 3, PasswordWidth72, encoding);
                u.Name = TextField.Decode(b, o + 11, NameWidth72, encoding);
                u.Card = LittleEndian.U32(b, o + 35);
                u.Group = b[o + 39];
                u.TimeZones = Slice(b, o + 40, 8);
                // User ids are digits/ASCII on every firmware; decode them as ASCII-compatible text in the connection encoding.
                u.UserId = TextField.Decode(b, o + 48, UserIdWidth72, encoding);
            }
            else
            {
                u.Password = TextField.Decode(b, o + 3, PasswordWidth28, encoding);
                u.Name = TextField.Decode(b, o + 8, NameWidth28, encoding);
                u.Card = LittleEndian.U32(b, o + 16);
                u.Group = b[o + 21];
                u.TimeZones = Slice(b, o + 22, 2);
                u.UserId = LittleEndian.U32(b, o + 24).ToString(CultureInfo.InvariantCulture);
            }
            return u;
        }

        /// <summary>
        /// Encodes one record. Text that does not fit is an error, or with <see cref="TruncationMode.Truncate"/> is cut and
        /// listed in <paramref name="truncations"/>. User ids are never truncated: a cut id would be another person.
        /// </summary>
        public static byte[] Encode(ZkUser u, UserRecordFormat format, Encoding encoding, TruncationMode mode, IList<FieldTruncation>? truncations = null)
        {
            ValidateUserId(u.UserId, format, null);
            var r = new byte[SizeOf(format)];
            LittleEndian.Put(r, 0, u.Uid);
            r[2] = u.PrivilegeByte;
            if (format == UserRecordFormat.Extended72)
            {
                Text(u.Password, r, 3, PasswordWidth72, "Password");
                Text(u.Name, r, 11, NameWidth72, "Name");
                LittleEndian.Put(r, 35, u.Card);
                r[39] = u.Group;
                CopyTimeZones(u.TimeZones, r, 40, 8);
                TextField.Encode(u.UserId, r, 48, UserIdWidth72, Encoding.ASCII, TruncationMode.Error, "UserId");
            }
            else
            {
                Text(u.Password, r, 3, PasswordWidth28, "Password");
                Text(u.Name, r, 8, NameWidth28, "Name");
                LittleEndian.Put(r, 16, u.Card);
                r[21] = u.Group;
                CopyTimeZones(u.TimeZones, r, 22, 2);
                LittleEndian.Put(r, 24, uint.Parse(u.UserId, NumberStyles.None, CultureInfo.InvariantCulture));
            }
            return r;

            void Text(string value, byte[] target, int offset, int width, string field)
            {
                if (TextField.Encode(value, target, offset, width, encoding, mode, field))
                    truncations?.Add(new FieldTruncation(field, value, TextField.Decode(target, offset, width, encoding)));
            }
        }

        /// <summary>
        /// Checks a user id against a record format and an optional device PIN width.
        /// 28-byte records store a u32, so the id must be digits; 72-byte records hold up to 24 ASCII characters.
        /// </summary>
        public static void ValidateUserId(string userId, UserRecordFormat format, int? pinWidth, string? device = null)
        {
            if (string.IsNullOrEmpty(userId) || userId == "0")
                throw new ZkInvalidDataException("UserId must not be empty or \"0\" (firmware refuses both).", "UserId", device);
            if (pinWidth is int w && w > 0 && userId.Length > w)
                throw new ZkInvalidDataException($"UserId '{userId}' has {userId.Length} characters; the device holds at most {w}.", "UserId", device);
            if (format == UserRecordFormat.Compact28)
            {
                if (!IsDigits(userId) || !uint.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    throw new ZkInvalidDataException($"UserId '{userId}' is not a number; this device stores numeric user ids only.", "UserId", device);
            }
            else
            {
                foreach (char c in userId)
                    if (c < 0x21 || c > 0x7E)
                        throw new ZkInvalidDataException($"UserId '{userId}' must be printable ASCII without spaces.", "UserId", device);
                if (userId.Length > UserIdWidth72)
                    throw new ZkInvalidDataException($"UserId '{userId}' is longer than {UserIdWidth72} characters.", "UserId", device);
            }
        }

        public static bool IsDigits(string s)
        {
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return s.Length > 0;
        }

        /// <summary>
        /// Decodes a user table buffer as returned by a bulk read: u32 byte count, then records. The record size is
        /// detected as clients do (byte count / user count from CMD_GET_FREE_SIZES), falling back on divisibility.
        /// </summary>
        public static List<ZkUser> DecodeTable(byte[] buffer, int? expectedUsers, Encoding encoding, out UserRecordFormat format)
        {
            if (buffer.Length < 4) throw new ZkMalformedReplyException($"User table of {buffer.Length} bytes has no length prefix.");
            uint total = LittleEndian.U32(buffer, 0);
            if (total > buffer.Length - 4) throw new ZkMalformedReplyException($"User table announces {total} bytes but holds {buffer.Length - 4}.");
            format = DetectFormat((int)total, expectedUsers);
            int size = SizeOf(format);
            var users = new List<ZkUser>((int)total / size);
            for (int o = 4; o + size <= 4 + total; o += size) users.Add(Decode(buffer, o, format, encoding));
            return users;
        }

        public static UserRecordFormat DetectFormat(int total, int? expectedUsers)
        {
            if (total == 0) return UserRecordFormat.Extended72;
            if (expectedUsers is int n && n > 0 && total % n == 0)
            {
                if (total / n == 28) return UserRecordFormat.Compact28;
                if (total / n == 72) return UserRecordFormat.Extended72;
            }
            bool by72 = total % 72 == 0, by28 = total % 28 == 0;
            if (by72 && !by28) return UserRecordFormat.Extended72;
            if (by28 && !by72) return UserRecordFormat.Compact28;
            if (by72 && by28)
                return UserRecordFormat.Extended72; // ambiguous (multiple of 504): TFT firmware is by far the most common
            throw new ZkMalformedReplyException($"User table of {total} bytes is neither whole 28-byte nor 72-byte records.");
        }

        private static void CopyTimeZones(byte[] tz, byte[] r, int offset, int width)
        {
            if (tz == null) return;
            Buffer.BlockCopy(tz, 0, r, offset, Math.Min(tz.Length, width));
        }

        private static byte[] Slice(byte[] b, int o, int n)
        {
            var s = new byte[n];
            Buffer.BlockCopy(b, o, s, 0, n);
            return s;
        }
    }
}
