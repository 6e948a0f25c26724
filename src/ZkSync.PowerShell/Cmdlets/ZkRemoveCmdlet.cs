using System;
using System.Diagnostics;
using System.Management.Automation;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Removes items of one device (Remove-Zk*): the session comes from -Session or a piped item, like
    /// <see cref="ZkItemCmdlet"/>; each removal is counted for the run journal, one record per session, written when
    /// the command ends.
    /// </summary>
    public abstract class ZkRemoveCmdlet : ZkCmdlet, IJournaledCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public ZkSession? Session { get; set; }

        /// <summary>
        /// Folder of the run journal for this command (default: $ZkSyncJournalPath, else the per-user data folder).
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        protected sealed override void ProcessRecord() => WithSession(Session, ProcessSession);

        protected abstract void ProcessSession(ZkSession session);

        protected override void EndProcessing() => FlushJournal();

        /// <summary>
        /// Runs an approved removal of <paramref name="userId"/>'s data on <paramref name="session"/> and counts it for
        /// the journal; a failure is counted and rethrown.
        /// </summary>
        internal void JournaledRemoval(ZkSession session, string userId, Action work)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                work();
                Journal.Tally(session, userId, null, watch.Elapsed);
            }
            catch (Exception exception) when (!(exception is PipelineStoppedException))
            {
                Journal.Tally(session, userId, exception.Message, watch.Elapsed);
                throw;
            }
        }
    }
}
