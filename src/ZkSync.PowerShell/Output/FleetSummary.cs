using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ZkSync.PowerShell
{
    /// <summary>
    /// The lines that end a fleet run (Sync-ZkDevice or Import-ZkDevice to two destinations or more): a title, then one
    /// line per destination, failures first, each at most <see cref="Width"/> columns; an error is cut to fit (the
    /// whole
    /// text is in the summary object and the error stream).
    /// </summary>
    internal static class FleetSummary
    {
        public const int Width = 80;
        public const string Tag = "ZkSync.FleetSummary";
        private const int NameWidth = 20;
        private const string Row = "{0,-6} {1,-20} {2,5} {3,5} {4,5} {5,5} {6,8} {7}";

        public static IReadOnlyList<string> Lines(string source, IReadOnlyList<ZkSyncSummary> summaries,
            TimeSpan elapsed)
        {
            int failed = summaries.Count(s => !s.Succeeded);
            var lines = new List<string>
            {
                Fit($"Sync from {source} to {summaries.Count} destinations: {summaries.Count - failed} synced, "
                    + $"{failed} failed, {Time(elapsed)}"),
                Fit(string.Format(CultureInfo.InvariantCulture, Row, "Result", "Destination", "Added", "Upd", "Same",
                    "Fail", "Time", "Error").TrimEnd()),
            };
            // Failures first; otherwise in the order the destinations finished.
            foreach (var s in summaries.Where(s => !s.Succeeded).Concat(summaries.Where(s => s.Succeeded)))
            {
                string result = !s.Succeeded ? "FAILED" : s.WhatIf ? "WhatIf" : "ok";
                string line = string.Format(CultureInfo.InvariantCulture, Row, result, Cut(s.Destination, NameWidth),
                    s.Added, s.Updated, s.Unchanged, s.Failed,
                    Time(s.Duration), s.Error ?? "");
                lines.Add(Fit(line.TrimEnd()));
            }
            return lines;
        }

        private static string Time(TimeSpan t) => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

        private static string Fit(string line) => Cut(line, Width);

        private static string Cut(string text, int width) => text.Length <= width ? text : text.Substring(0, width - 3)
            + "...";
    }
}
