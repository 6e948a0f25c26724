using System;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>
    /// The device's packed u32 time: every month counts 31 days, years 2000-2099 (docs/protocol.md §5).
    /// </summary>
    public static class ZkTime
    {
        public static uint Encode(DateTime time)
        {
            if (time.Year < 2000 || time.Year > 2099)
                throw new ArgumentOutOfRangeException(
                    nameof(time),
                    time,
                    "Device clocks hold years 2000 to 2099 only."
                );
            long days = ((time.Year % 100) * 12L * 31) + ((time.Month - 1) * 31L) + (time.Day - 1);
            return (uint)(days * 86400 + time.Hour * 3600 + time.Minute * 60 + time.Second);
        }

        public static DateTime Decode(uint packed)
        {
            int second = (int)(packed % 60); packed /= 60;
            int minute = (int)(packed % 60); packed /= 60;
            int hour = (int)(packed % 24); packed /= 24;
            int day = (int)(packed % 31) + 1; packed /= 31;
            int month = (int)(packed % 12) + 1;
            int year = 2000 + (int)(packed / 12);
            // A packed day can name a date that does not exist (31 Feb); clamp to the month's last day rather than
            // throw.
            day = Math.Min(day, DateTime.DaysInMonth(Math.Min(year, 9999), month));
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        }

        /// <summary>The 6-byte form used by live events: year-2000, month, day, hour, minute, second.</summary>
        public static DateTime DecodeSixBytes(ReadOnlySpan<byte> bytes) =>
            new DateTime(
                2000 + bytes[0],
                Math.Max((int)bytes[1], 1),
                Math.Max((int)bytes[2], 1),
                bytes[3],
                bytes[4],
                bytes[5],
                DateTimeKind.Unspecified
            );
    }
}
