using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Journal;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Reads the run journal back: one record per destination per run of Sync-, Import-, Copy-Zk* and
    /// Remove-Zk*, oldest first.</summary>
    [Cmdlet(VerbsCommon.Get, "ZkSyncHistory")]
    [OutputType(typeof(ZkSyncHistoryRecord))]
    public sealed class GetZkSyncHistoryCommand : PSCmdlet
    {
        /// <summary>Only runs to these devices: address ("host:port" or host) or serial number; wildcards
        /// allowed.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Destination")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Device { get; set; }

        /// <summary>Only runs that finished after this time.</summary>
        [Parameter]
        public DateTime? After { get; set; }

        /// <summary>Only runs that finished before this time.</summary>
        [Parameter]
        public DateTime? Before { get; set; }

        [Parameter]
        public ZkSyncRunStatus? Status { get; set; }

        /// <summary>Only the newest N records (after the other filters).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        /// <summary>The journal folder (default: $ZkSyncJournalPath, else the per-user data folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        private readonly List<WildcardPattern> _devices = new List<WildcardPattern>();

        protected override void ProcessRecord()
        {
            // Piped sessions or inventory rows add their devices; everything is read once, at the end.
            foreach (string device in Device ?? Array.Empty<string>())
                _devices.Add(new WildcardPattern(device, WildcardOptions.IgnoreCase));
        }

        protected override void EndProcessing()
        {
            string folder = JournalHook.Open(this, JournalPath).Folder;
            IEnumerable<ZkSyncHistoryRecord> records =
                JournalReader.Read(folder, (file, count) => WriteWarning(JournalReader.SkippedLines(file, count)));
            records = records.Where(Matches);
            if (Last.HasValue) records = records.Reverse().Take(Last.Value).Reverse();
            foreach (ZkSyncHistoryRecord record in records) WriteObject(record);
        }

        private bool Matches(ZkSyncHistoryRecord record)
        {
            if (After.HasValue && record.Time <= After.Value.ToUniversalTime()) return false;
            if (Before.HasValue && record.Time >= Before.Value.ToUniversalTime()) return false;
            if (Status.HasValue && record.Status != Status.Value) return false;
            return _devices.Count == 0 || _devices.Any(p => DeviceNames.Of(record).Any(p.IsMatch));
        }
    }
}
