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

    /// <summary>28- and 72-byte user records (docs/protocol.md §6).</summary>
    public static class UserRecordCodec
    {
        public const int PasswordWidth72 = 8,
            NameWidth72 = 24,
            UserIdWidth72 = 24;
        public const int PasswordWidth28 = 5,
            NameWidth28 = 8;

        public static int SizeOf(UserRecordFormat format) => (int)format;

        public static int NameWidth(UserRecordFormat format) =>
            format == UserRecordFormat.Extended72 ? NameWidth72 : NameWidth28;

        /// <summary>Bytes of the time-zone field in this layout (longer data is cut, shorter is zero-filled).</summary>
        public static int TimeZonesWidth(UserRecordFormat format) =>
            format == UserRecordFormat.Extended72
                ? UserRecord72Offsets.TimeZonesWidth
                : UserRecord28Offsets.TimeZonesWidth;

        public static int PasswordWidth(UserRecordFormat format) =>
            format == UserRecordFormat.Extended72 ? PasswordWidth72 : PasswordWidth28;

        public static ZkUser Decode(byte[] buffer, int offset, UserRecordFormat format, Encoding encoding)
        {
            var user = new ZkUser
            {
                Uid = LittleEndian.U16(buffer, offset),
                PrivilegeByte = buffer[offset + UserRecord72Offsets.Privilege],
            };
            if (format == UserRecordFormat.Extended72)
            {
                user.Password = TextField.Decode(
                    buffer,
                    offset + UserRecord72Offsets.Password,
                    PasswordWidth72,
                    encoding
                );
                user.Name = TextField.Decode(buffer, offset + UserRecord72Offsets.Name, NameWidth72, encoding);
                user.Card = LittleEndian.U32(buffer, offset + UserRecord72Offsets.Card);
                user.Group = buffer[offset + UserRecord72Offsets.Group];
                user.TimeZones = Slice(
                    buffer,
                    offset + UserRecord72Offsets.TimeZones,
                    UserRecord72Offsets.TimeZonesWidth
                );
                // User ids are digits/ASCII on every firmware; decode them as ASCII-compatible text in the connection
                // encoding.
                user.UserId = TextField.Decode(buffer, offset + UserRecord72Offsets.UserId, UserIdWidth72, encoding);
            }
            else
            {
                user.Password = TextField.Decode(
                    buffer,
                    offset + UserRecord28Offsets.Password,
                    PasswordWidth28,
                    encoding
                );
                user.Name = TextField.Decode(buffer, offset + UserRecord28Offsets.Name, NameWidth28, encoding);
                user.Card = LittleEndian.U32(buffer, offset + UserRecord28Offsets.Card);
                user.Group = buffer[offset + UserRecord28Offsets.Group];
                user.TimeZones = Slice(
                    buffer,
                    offset + UserRecord28Offsets.TimeZones,
                    UserRecord28Offsets.TimeZonesWidth
                );
                user.UserId = LittleEndian
                    .U32(buffer, offset + UserRecord28Offsets.UserId)
                    .ToString(CultureInfo.InvariantCulture);
            }
            return user;
        }

        /// <summary>
        /// Encodes one record. Text that does not fit is an error, or with <see cref="TruncationMode.Truncate"/> is cut
        /// and listed in <paramref name="truncations"/>. User ids are never truncated: a cut id would be another
        /// person.
        /// </summary>
        public static byte[] Encode(
            ZkUser user,
            UserRecordFormat format,
            Encoding encoding,
            TruncationMode mode,
            IList<FieldTruncation>? truncations = null
        )
        {
            ValidateUserId(user.UserId, format, null);
            var record = new byte[SizeOf(format)];
            LittleEndian.Put(record, UserRecord72Offsets.Uid, user.Uid);
            record[UserRecord72Offsets.Privilege] = user.PrivilegeByte;
            if (format == UserRecordFormat.Extended72)
            {
                Text(user.Password, record, UserRecord72Offsets.Password, PasswordWidth72, "Password");
                Text(user.Name, record, UserRecord72Offsets.Name, NameWidth72, "Name");
                LittleEndian.Put(record, UserRecord72Offsets.Card, user.Card);
                record[UserRecord72Offsets.Group] = user.Group;
                CopyTimeZones(
                    user.TimeZones,
                    record,
                    UserRecord72Offsets.TimeZones,
                    UserRecord72Offsets.TimeZonesWidth
                );
                TextField.Encode(
                    user.UserId,
                    record,
                    UserRecord72Offsets.UserId,
                    UserIdWidth72,
                    Encoding.ASCII,
                    TruncationMode.Error,
                    "UserId"
                );
            }
            else
            {
                Text(user.Password, record, UserRecord28Offsets.Password, PasswordWidth28, "Password");
                Text(user.Name, record, UserRecord28Offsets.Name, NameWidth28, "Name");
                LittleEndian.Put(record, UserRecord28Offsets.Card, user.Card);
                record[UserRecord28Offsets.Group] = user.Group;
                CopyTimeZones(
                    user.TimeZones,
                    record,
                    UserRecord28Offsets.TimeZones,
                    UserRecord28Offsets.TimeZonesWidth
                );
                LittleEndian.Put(
                    record,
                    UserRecord28Offsets.UserId,
                    uint.Parse(user.UserId, NumberStyles.None, CultureInfo.InvariantCulture)
                );
            }
            return record;

            void Text(string value, byte[] target, int offset, int width, string field)
            {
                if (TextField.Encode(value, target, offset, width, encoding, mode, field))
                    truncations?.Add(
                        new FieldTruncation(field, value, TextField.Decode(target, offset, width, encoding))
                    );
            }
        }

        /// <summary>
        /// Checks a user id against a record format and an optional device PIN width.
        /// 28-byte records store a u32, so the id must be digits; 72-byte records hold up to 24 ASCII characters.
        /// </summary>
        public static void ValidateUserId(string userId, UserRecordFormat format, int? pinWidth, string? device = null)
        {
            if (string.IsNullOrEmpty(userId) || userId == "0")
                throw new ZkInvalidDataException(
                    "UserId must not be empty or \"0\" (firmware refuses both).",
                    "UserId",
                    device
                );
            if (pinWidth is int width && width > 0 && userId.Length > width)
                throw new ZkInvalidDataException(
                    $"UserId '{userId}' has {userId.Length} characters; the device holds at most {width}.",
                    "UserId",
                    device
                );
            if (format == UserRecordFormat.Compact28)
            {
                if (!IsDigits(userId) || !uint.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    throw new ZkInvalidDataException(
                        $"UserId '{userId}' is not a number; this device stores numeric user ids only.",
                        "UserId",
                        device
                    );
            }
            else
            {
                foreach (char c in userId)
                    if (c < 0x21 || c > 0x7E)
                        throw new ZkInvalidDataException(
                            $"UserId '{userId}' must be printable ASCII without spaces.",
                            "UserId",
                            device
                        );
                if (userId.Length > UserIdWidth72)
                    throw new ZkInvalidDataException(
                        $"UserId '{userId}' is longer than {UserIdWidth72} characters.",
                        "UserId",
                        device
                    );
            }
        }

        public static bool IsDigits(string text)
        {
            foreach (char c in text) if (c < '0' || c > '9') return false;
            return text.Length > 0;
        }

        /// <summary>
        /// Decodes a user table buffer as returned by a bulk read: u32 byte count, then records. The record size is
        /// detected as clients do (byte count / user count from CMD_GET_FREE_SIZES), falling back on divisibility.
        /// </summary>
        public static List<ZkUser> DecodeTable(
            byte[] buffer,
            int? expectedUsers,
            Encoding encoding,
            out UserRecordFormat format
        )
        {
            if (buffer.Length < 4)
                throw new ZkMalformedReplyException($"User table of {buffer.Length} bytes has no length prefix.");
            uint total = LittleEndian.U32(buffer, 0);
            if (total > buffer.Length - 4)
                throw new ZkMalformedReplyException(
                    $"User table announces {total} bytes but holds {buffer.Length - 4}."
                );
            format = DetectFormat((int)total, expectedUsers);
            int size = SizeOf(format);
            var users = new List<ZkUser>((int)total / size);
            for (int o = 4; o + size <= 4 + total; o += size)
                users.Add(Decode(buffer, o, format, encoding));
            return users;
        }

        public static UserRecordFormat DetectFormat(int total, int? expectedUsers)
        {
            if (total == 0)
                return UserRecordFormat.Extended72;
            if (expectedUsers is int count && count > 0 && total % count == 0)
            {
                if (total / count == 28)
                    return UserRecordFormat.Compact28;
                if (total / count == 72)
                    return UserRecordFormat.Extended72;
            }
            bool by72 = total % 72 == 0,
                by28 = total % 28 == 0;
            if (by72 && !by28)
                return UserRecordFormat.Extended72;
            if (by28 && !by72)
                return UserRecordFormat.Compact28;
            if (by72 && by28)
                // ambiguous (multiple of 504): TFT firmware is by far the most common
                return UserRecordFormat.Extended72;
            throw new ZkMalformedReplyException(
                $"User table of {total} bytes is neither whole 28-byte nor 72-byte records."
            );
        }

        private static void CopyTimeZones(byte[] timeZones, byte[] record, int offset, int width)
        {
            if (timeZones == null)
                return;
            Buffer.BlockCopy(timeZones, 0, record, offset, Math.Min(timeZones.Length, width));
        }

        private static byte[] Slice(byte[] buffer, int offset, int length)
        {
            var slice = new byte[length];
            Buffer.BlockCopy(buffer, offset, slice, 0, length);
            return slice;
        }
    }
}
