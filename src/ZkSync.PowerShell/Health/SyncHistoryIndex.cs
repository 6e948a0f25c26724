using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.PowerShell.Journal;

namespace ZkSync.PowerShell.Health
{
    /// <summary>The last successful and last failed journaled run per device, read once per Test-ZkDevice
    /// invocation.</summary>
    internal sealed class SyncHistoryIndex
    {
        private readonly List<ZkSyncHistoryRecord> _records;

        public SyncHistoryIndex(string journalFolder, Action<string, int> skipped) =>
            // -WhatIf runs changed nothing, so they say nothing about whether a device is in sync.
            _records = JournalReader.Read(journalFolder, skipped).Where(r => !r.WhatIf).ToList();

        /// <summary>
        /// Why the latest journaled run to the device could not enable it again, with its time; null when it could (or
        /// there is none). A later run that enabled it clears this.
        /// </summary>
        public (DateTime Time, string Reason)? LeftDisabled(string device, string? serialNumber)
        {
            var last = Mine(device, serialNumber).OrderBy(r => r.Time).LastOrDefault();
            return last?.NotReEnabled == null ? null : (last.Time.ToLocalTime(), last.NotReEnabled);
        }

        private IEnumerable<ZkSyncHistoryRecord> Mine(string device, string? serialNumber) =>
            _records.Where(r =>
                string.Equals(r.Destination, device, StringComparison.OrdinalIgnoreCase)
                || !string.IsNullOrEmpty(serialNumber)
                    && string.Equals(r.SerialNumber, serialNumber, StringComparison.Ordinal)
            );

        /// <summary>Matches by address, or by serial number when known (a device that changed address keeps its
        /// history).</summary>
        public (DateTime? Succeeded, DateTime? Failed) LastRuns(string device, string? serialNumber)
        {
            var mine = Mine(device, serialNumber).ToList();
            DateTime? Last(ZkSyncRunStatus status) =>
                mine.Where(r => r.Status == status)
                    .Select(r => (DateTime?)r.Time.ToLocalTime())
                    .DefaultIfEmpty(null)
                    .Max();
            return (Last(ZkSyncRunStatus.Succeeded), Last(ZkSyncRunStatus.Failed));
        }
    }
}
