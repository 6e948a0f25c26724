using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.PowerShell.Journal;

namespace ZkSync.PowerShell.Health
{
    /// <summary>The last successful and last failed journaled run per device, read once per Test-ZkDevice invocation.</summary>
    internal sealed class SyncHistoryIndex
    {
        private readonly List<ZkSyncHistoryRecord> _records;

        public SyncHistoryIndex(string journalFolder, Action<string, int> skipped) =>
            // -WhatIf runs changed nothing, so they say nothing about whether a device is in sync.
            _records = JournalReader.Read(journalFolder, skipped).Where(r => !r.WhatIf).ToList();

        /// <summary>Matches by address, or by serial number when known (a device that changed address keeps its history).</summary>
        public (DateTime? Succeeded, DateTime? Failed) LastRuns(string device, string? serialNumber)
        {
            IEnumerable<ZkSyncHistoryRecord> mine = _records.Where(r =>
                string.Equals(r.Destination, device, StringComparison.OrdinalIgnoreCase)
                || !string.IsNullOrEmpty(serialNumber) && string.Equals(r.SerialNumber, serialNumber, StringComparison.Ordinal));
            DateTime? Last(ZkSyncRunStatus status) =>
                mine.Where(r => r.Status == status).Select(r => (DateTime?)r.Time.ToLocalTime()).DefaultIfEmpty(null).Max();
            return (Last(ZkSyncRunStatus.Succeeded), Last(ZkSyncRunStatus.Failed));
        }
    }
}
