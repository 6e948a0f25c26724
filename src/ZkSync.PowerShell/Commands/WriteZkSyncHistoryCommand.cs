using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>
    /// Writes a record of the script's own to the run journal, as Write-EventLog does to an event log: for a runbook,
    /// the destination it could not connect to, so that the journal says which device failed even when no ZkSync
    /// command reached it.
    /// </summary>
    [Cmdlet(VerbsCommunications.Write, "ZkSyncHistory")]
    [OutputType(typeof(void))]
    public sealed class WriteZkSyncHistoryCommand : ZkCmdlet, IJournaledCmdlet
    {
        /// <summary>The device the record is about ("host:port").</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = "";

        /// <summary>Why it failed; without it the record says Succeeded.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Error { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Source { get; set; } = "";

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? SerialNumber { get; set; }

        /// <summary>What wrote it (a script's name); default Write-ZkSyncHistory.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Command { get; set; }

        /// <summary>The journal folder (default: $ZkSyncJournalPath, else the per-user data folder).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        protected override void ProcessRecord() =>
            Journal.Note(Command ?? MyInvocation.MyCommand.Name, Source, Destination, SerialNumber, Error);
    }
}
