using System;
using System.Collections.Generic;
using System.Linq;

namespace ZkSync.PowerShell.Reporting
{
    /// <summary>One device's runs over the period: the last one, and how many succeeded and failed.</summary>
    internal sealed class DeviceRuns
    {
        public DeviceRuns(string device, IReadOnlyList<ZkSyncHistoryRecord> runs)
        {
            Device = device;
            Last = runs[runs.Count - 1];
            SerialNumber = runs.Select(r => r.SerialNumber).LastOrDefault(s => !string.IsNullOrEmpty(s));
            Succeeded = runs.Count(r => r.Status == ZkSyncRunStatus.Succeeded);
            Failed = runs.Count - Succeeded;
        }

        public string Device { get; }
        public string? SerialNumber { get; }
        public ZkSyncHistoryRecord Last { get; }
        public int Succeeded { get; }
        public int Failed { get; }
    }

    /// <summary>Runs that ended on one local calendar day.</summary>
    internal sealed class DayRuns
    {
        public DayRuns(DateTime day, int succeeded, int failed)
        {
            Day = day;
            Succeeded = succeeded;
            Failed = failed;
        }

        public DateTime Day { get; }
        public int Succeeded { get; }
        public int Failed { get; }
    }

    /// <summary>A user the last run to a device could not write, and why.</summary>
    internal sealed class FailedUserLine
    {
        public FailedUserLine(ZkSyncHistoryRecord run, ZkSyncFailedUser user)
        {
            Run = run;
            User = user;
        }

        public ZkSyncHistoryRecord Run { get; }
        public ZkSyncFailedUser User { get; }
    }

    /// <summary>
    /// What the sync report shows, worked out from journal records and Test-ZkDevice results. -WhatIf records changed
    /// nothing, so they are counted apart and never as a device's last run or in the chart.
    /// </summary>
    internal sealed class SyncReport
    {
        public SyncReport(string title, string journalFolder, DateTime periodStart, DateTime periodEnd,
            DateTime generated, IEnumerable<ZkSyncHistoryRecord> records, IEnumerable<ZkDeviceHealth> health)
        {
            Title = title;
            JournalFolder = journalFolder;
            PeriodStart = periodStart;
            PeriodEnd = periodEnd;
            Generated = generated;
            var all = records.OrderBy(r => r.Time).ToList();
            WhatIfRuns = all.Count(r => r.WhatIf);
            var runs = all.Where(r => !r.WhatIf).ToList();
            Devices = runs.GroupBy(r => r.Destination, StringComparer.OrdinalIgnoreCase)
                .Select(g => new DeviceRuns(g.Key, g.ToList()))
                .OrderBy(d => d.Last.Status == ZkSyncRunStatus.Failed ? 0 : 1)
                .ThenBy(d => d.Device, StringComparer.OrdinalIgnoreCase)
                .ToList();
            Succeeded = runs.Count(r => r.Status == ZkSyncRunStatus.Succeeded);
            Failed = runs.Count - Succeeded;
            Days = DaysOf(runs, periodStart, periodEnd);
            FailedUsers = Devices.SelectMany(d => d.Last.FailedUsers.Select(u => new FailedUserLine(d.Last, u)))
                .ToList();
            Health = health.ToList();
        }

        public string Title { get; }
        public string JournalFolder { get; }

        /// <summary>Local times.</summary>
        public DateTime PeriodStart { get; }

        public DateTime PeriodEnd { get; }
        public DateTime Generated { get; }
        public int Succeeded { get; }
        public int Failed { get; }
        public int WhatIfRuns { get; }

        /// <summary>Devices whose last run failed first, then by name.</summary>
        public IReadOnlyList<DeviceRuns> Devices { get; }

        /// <summary>Every local day of the period, oldest first, with no run or some.</summary>
        public IReadOnlyList<DayRuns> Days { get; }

        /// <summary>Users the last run to each device could not write, devices whose last run failed first.</summary>
        public IReadOnlyList<FailedUserLine> FailedUsers { get; }

        public IReadOnlyList<ZkDeviceHealth> Health { get; }

        private static List<DayRuns> DaysOf(List<ZkSyncHistoryRecord> runs, DateTime start, DateTime end)
        {
            var byDay = runs.GroupBy(r => r.Time.ToLocalTime().Date).ToDictionary(g => g.Key, g => g.ToList());
            var days = new List<DayRuns>();
            for (DateTime day = start.Date; day <= end.Date; day = day.AddDays(1))
            {
                List<ZkSyncHistoryRecord> list = byDay.TryGetValue(day, out List<ZkSyncHistoryRecord>? found)
                    ? found
                    : new List<ZkSyncHistoryRecord>();
                int succeeded = list.Count(r => r.Status == ZkSyncRunStatus.Succeeded);
                days.Add(new DayRuns(day, succeeded, list.Count - succeeded));
            }
            return days;
        }
    }
}
