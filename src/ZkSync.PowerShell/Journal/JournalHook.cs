using System.Management.Automation;

namespace ZkSync.PowerShell.Journal
{
    /// <summary>
    /// Opens the journal of a cmdlet invocation: -JournalPath when the cmdlet has and was given one, else the
    /// $ZkSyncJournalPath preference, else the per-user default. Failures to write become warnings of that cmdlet.
    /// </summary>
    internal static class JournalHook
    {
        public const string JournalPathParameter = "JournalPath";

        public static RunJournal Open(PSCmdlet cmdlet)
        {
            string? commandPath = cmdlet.MyInvocation.BoundParameters.TryGetValue(JournalPathParameter, out object? bound) ? bound?.ToString() : null;
            string? preference = cmdlet.SessionState.PSVariable.GetValue(JournalLocation.PreferenceVariable)?.ToString();
            string folder = JournalLocation.Folder(Resolve(cmdlet, commandPath), Resolve(cmdlet, preference));
            return new RunJournal(folder, cmdlet.MyInvocation.MyCommand.Name, cmdlet.WriteWarning);
        }

        /// <summary>PowerShell paths (~, PSDrives, relative to the current location) as file system paths.</summary>
        private static string? Resolve(PSCmdlet cmdlet, string? path) =>
            string.IsNullOrWhiteSpace(path) ? null : cmdlet.GetUnresolvedProviderPathFromPSPath(path);
    }
}
