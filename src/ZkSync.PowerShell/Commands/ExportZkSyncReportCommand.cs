using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Journal;
using ZkSync.PowerShell.Reporting;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>
    /// Writes the sync report: one self-contained HTML page from the run journal and, when piped or given,
    /// Test-ZkDevice results. Export (not ConvertTo): like Export-Csv it puts the data into a file, and it returns
    /// that file. A plain PSCmdlet: it reads files only, no device and no engine call.
    /// </summary>
    [Cmdlet(VerbsData.Export, "ZkSyncReport")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportZkSyncReportCommand : PSCmdlet
    {
        /// <summary>The HTML file to write (replaced when it exists).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>Test-ZkDevice results: their clock drift, capacity use and problems are shown per device.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public ZkDeviceHealth[]? DeviceHealth { get; set; }

        /// <summary>Only runs after this time (default: midnight 29 days before -Before: 30 calendar days).</summary>
        [Parameter]
        public DateTime? After { get; set; }

        /// <summary>Only runs before this time (default: now).</summary>
        [Parameter]
        public DateTime? Before { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = "ZkSync sync report";

        /// <summary>The journal folder (default: $ZkSyncJournalPath, else the per-user data folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        private readonly List<ZkDeviceHealth> _health = new List<ZkDeviceHealth>();

        protected override void ProcessRecord()
        {
            if (DeviceHealth != null) _health.AddRange(DeviceHealth);
        }

        protected override void EndProcessing()
        {
            DateTime now = DateTime.Now;
            DateTime end = (Before ?? now).ToLocalTime();
            DateTime start = (After ?? end.Date.AddDays(-29)).ToLocalTime();
            if (start >= end)
            {
                ThrowTerminatingError(ErrorFactory.Create(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    $"-After ({start:u}) must be earlier than -Before ({end:u}): give a period that has a length.",
                    After));
            }

            string folder = JournalHook.Open(this, JournalPath).Folder;
            DateTime startUtc = start.ToUniversalTime(), endUtc = end.ToUniversalTime();
            var records = JournalReader
                .Read(folder, (file, count) => WriteWarning(JournalReader.SkippedLines(file, count)))
                .Where(r => r.Time > startUtc && r.Time < endUtc)
                .ToList();
            var report = new SyncReport(Title, folder, start, end, now, records, _health);

            string path = GetUnresolvedProviderPathFromPSPath(Path);
            try
            {
                File.WriteAllText(path, SyncReportPage.Render(report), new UTF8Encoding(false));
            }
            catch (Exception exception)
                when (exception is IOException || exception is UnauthorizedAccessException
                    || exception is NotSupportedException)
            {
                ThrowTerminatingError(ErrorFactory.FileError(exception, path, FileAccess.Write));
            }
            WriteVerbose($"{path}: {records.Count} journal record(s) from {folder}, {_health.Count} health result(s).");
            WriteObject(new FileInfo(path));
        }
    }
}
