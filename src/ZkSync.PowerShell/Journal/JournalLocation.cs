using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace ZkSync.PowerShell.Journal
{
    /// <summary>
    /// Where the journal lives: a folder with one JSON-lines file per month (zksync-journal-2026-12.jsonl). By default
    /// %LOCALAPPDATA%\ZkSync\Journal on Windows and $XDG_DATA_HOME/zksync/journal (~/.local/share/...) elsewhere, the
    /// folders those platforms give per-user application data.
    /// </summary>
    internal static class JournalLocation
    {
        /// <summary>The module preference variable that moves the journal for a whole session or script.</summary>
        public const string PreferenceVariable = "ZkSyncJournalPath";

        private const string FilePrefix = "zksync-journal-";
        private const string FileExtension = ".jsonl";

        /// <summary>The folder: the per-command path, else the preference, else the platform's default.</summary>
        public static string Folder(string? commandPath, string? preference) =>
            !string.IsNullOrWhiteSpace(commandPath) ? commandPath!
            : !string.IsNullOrWhiteSpace(preference) ? preference!
            : DefaultFolder();

        public static string DefaultFolder()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                return Path.Combine(
                    Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData),
                    "ZkSync",
                    "Journal"
                );
            string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            // The XDG base directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
            string dataHome =
                !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
                    ? xdg!
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return Path.Combine(dataHome, "zksync", "journal");
        }

        /// <summary>The month file a record written at <paramref name="utc"/> goes to.</summary>
        public static string FileFor(string folder, DateTime utc) =>
            Path.Combine(folder, $"{FilePrefix}{utc:yyyy-MM}{FileExtension}");

        /// <summary>The month files of a folder, oldest first (their names sort by month).</summary>
        public static IReadOnlyList<string> Files(string folder) =>
            Directory.Exists(folder)
                ? Directory
                    .GetFiles(folder, FilePrefix + "*" + FileExtension)
                    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                    .ToList()
                : (IReadOnlyList<string>)Array.Empty<string>();
    }
}
