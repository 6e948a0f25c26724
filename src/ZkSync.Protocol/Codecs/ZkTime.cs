using System;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>
    /// The device's packed u32 time: every month counts 31 days, years 2000-2099 (docs/protocol.md §5).
    /// </summary>
    public static class ZkTime
    {
        public static uint Encode(DateTime t)
        {
            if (t.Year < 2000 || t.Year > 2099)
                throw new ArgumentOutOfRangeException(nameof(t), t, "Device clocks hold years 2000 to 2099 only.");
            long days = ((t.Year % 100) * 12L * 31) + ((t.Month - 1) * 31L) + (t.Day - 1);
            return (uint)(days * 86400 + t.Hour * 3600 + t.Minute * 60 + t.Second);
        }

        public static DateTime Decode(uint v)
        {
            int second = (int)(v % 60); v /= 60;
            int minute = (int)(v % 60); v /= 60;
            int hour = (int)(v % 24); v /= 24;
            int day = (int)(v % 31) + 1; v /= 31;
            int month = (int)(v % 12) + 1;
            int year = 2000 + (int)(v / 12);
            // A packed day can name a date that does not exist (31 Feb); clamp to the month's last day rather than throw.
            day = Math.Min(day, DateTime.DaysInMonth(Math.Min(year, 9999), month));
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        }

        /// <summary>The 6-byte form used by live events: year-2000, month, day, hour, minute, second.</summary>
        public static DateTime DecodeSixBytes(ReadOnlySpan<byte> b) =>
            new DateTime(2000 + b[0], Math.Max((int)b[1], 1), Math.Max((int)b[2], 1), b[3], b[4], b[5], DateTimeKind.Unspecified);
    }
}
