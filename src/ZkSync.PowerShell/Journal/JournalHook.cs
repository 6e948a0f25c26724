using System.Management.Automation;

namespace ZkSync.PowerShell.Journal
{
    /// <summary>
    /// Opens the journal of a cmdlet invocation: its -JournalPath when given, else the $ZkSyncJournalPath preference,
    /// else the per-user default. Failures to write become warnings of that cmdlet.
    /// </summary>
    internal static class JournalHook
    {
        /// <param name="journalPath">The cmdlet's -JournalPath; null when it has none or none was given.</param>
        public static RunJournal Open(PSCmdlet cmdlet, string? journalPath)
        {
            string? preference = cmdlet
                .SessionState.PSVariable.GetValue(JournalLocation.PreferenceVariable)
                ?.ToString();
            string folder = JournalLocation.Folder(Resolve(cmdlet, journalPath), Resolve(cmdlet, preference));
            return new RunJournal(folder, cmdlet.MyInvocation.MyCommand.Name, cmdlet.WriteWarning);
        }

        /// <summary>PowerShell paths (~, PSDrives, relative to the current location) as file system paths.</summary>
        private static string? Resolve(PSCmdlet cmdlet, string? path) =>
            string.IsNullOrWhiteSpace(path) ? null : cmdlet.GetUnresolvedProviderPathFromPSPath(path);
    }
}
