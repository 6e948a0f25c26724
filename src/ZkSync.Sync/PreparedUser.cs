using System.Collections.Generic;
using System.Text;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// A source user as it would be stored on a destination: id checked against the destination's layout and PIN width,
    /// name and password fitted to the destination's fields in its encoding. Either <see cref="Failure"/> is set or
    /// <see cref="ToWrite"/> is what goes into the batch (uid 0: the client picks it).
    /// </summary>
    public sealed class PreparedUser
    {
        private PreparedUser(ZkUser? toWrite, string? failure, IReadOnlyList<string> notes)
        {
            ToWrite = toWrite;
            Failure = failure;
            Notes = notes;
        }

        public ZkUser? ToWrite { get; }
        public string? Failure { get; }

        /// <summary>Truncations that will happen (only with AllowTruncation).</summary>
        public IReadOnlyList<string> Notes { get; }

        public static PreparedUser Prepare(ZkUser source, DestinationProfile destination, bool allowTruncation)
        {
            var notes = new List<string>();
            try
            {
                UserRecordCodec.ValidateUserId(
                    source.UserId,
                    destination.Format,
                    destination.Capabilities.PinWidth > 0 ? destination.Capabilities.PinWidth : (int?)null
                );
                var user = source.Clone();
                user.Uid = 0;
                user.Name = Fit(
                    "Name",
                    source.Name,
                    destination.NameWidth,
                    destination.Encoding,
                    allowTruncation,
                    notes
                );
                user.Password = Fit(
                    "Password",
                    source.Password,
                    destination.PasswordWidth,
                    destination.Encoding,
                    allowTruncation,
                    notes
                );
                user.TimeZones = FitTimeZones(source.TimeZones, destination.TimeZonesWidth, notes);
                return new PreparedUser(user, null, notes);
            }
            catch (ZkInvalidDataException ex)
            {
                return new PreparedUser(null, ex.Message, notes);
            }
        }

        /// <summary>
        /// The time-zone bytes as the destination's field holds them: zero-filled, or cut (noted when that loses any).
        /// </summary>
        private static byte[] FitTimeZones(byte[]? value, int width, List<string> notes)
        {
            value ??= System.Array.Empty<byte>();
            var stored = new byte[width];
            System.Buffer.BlockCopy(value, 0, stored, 0, System.Math.Min(value.Length, width));
            for (int i = width; i < value.Length; i++)
            {
                if (value[i] == 0) continue;
                notes.Add($"TimeZones stored as their first {width} bytes ({width}-byte field)");
                break;
            }
            return stored;
        }

        /// <summary>The value as the destination would read it back; refuses (or notes) a cut.</summary>
        private static string Fit(
            string field,
            string value,
            int width,
            Encoding encoding,
            bool allowTruncation,
            List<string> notes
        )
        {
            value ??= "";
            string stored;
            try
            {
                stored = TextField.Fit(value, width, encoding).TrimEnd(' ');
            }
            catch (EncoderFallbackException)
            {
                throw new ZkInvalidDataException(
                    $"{field} '{value}' has characters that {encoding.WebName} cannot encode.",
                    field
                );
            }
            if (stored == value.TrimEnd(' '))
                return stored;
            int bytes = encoding.GetByteCount(value);
            if (!allowTruncation)
                throw new ZkInvalidDataException(
                    $"{field} '{value}' is {bytes} bytes in {encoding.WebName}; the destination's field holds {width} "
                        + "(allow truncation to cut it).",
                    field
                );
            notes.Add($"{field} '{value}' stored as '{stored}' ({width}-byte field)");
            return stored;
        }
    }
}
