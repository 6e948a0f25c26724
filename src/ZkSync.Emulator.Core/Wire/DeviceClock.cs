using System;

namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// The firmware's packed time (fp-firmware trunk/M880trunk/exfun.c OldEncodeTime / OldDecodeTime): seconds since
    /// 2000-01-01 counting every month as 31 days. Used by the clock commands, attendance records and face ActiveTime.
    /// </summary>
    public static class DeviceClock
    {
        private const uint SecondsPerDay = 24 * 60 * 60;

        public static uint Pack(DateTime t)
        {
            if (t.Year < 2000 || t.Year > 2099)
                throw new ArgumentOutOfRangeException(nameof(t), t, "The device clock holds 2000-2099.");
            uint days = (uint)(((t.Year - 2000) * 12 + (t.Month - 1)) * 31 + (t.Day - 1));
            return days * SecondsPerDay + (uint)(((t.Hour * 60) + t.Minute) * 60 + t.Second);
        }

        public static DateTime Unpack(uint packed)
        {
            uint days = packed / SecondsPerDay, secondOfDay = packed % SecondsPerDay;
            int year = 2000 + (int)(days / 372), month = 1 + (int)(days / 31 % 12), day = 1 + (int)(days % 31);
            // 31 February and friends exist in the packed form; a device shows them, .NET cannot: use the month's last
            // day.
            day = Math.Min(day, DateTime.DaysInMonth(year, month));
            return new DateTime(year, month, day).AddSeconds(secondOfDay);
        }
    }
}
