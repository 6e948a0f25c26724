using System;
using System.Collections.Generic;
using System.IO;

namespace ZkSync.PowerShell.Journal
{
    /// <summary>Reads every record of a journal folder, oldest month first and in written order within a
    /// month.</summary>
    internal static class JournalReader
    {
        /// <summary>The warning for lines of a journal file that are not records.</summary>
        public static string SkippedLines(string file, int count) =>
            $"{file}: {count} line(s) are not journal records and were skipped " +
            "(a writer stopped mid-line, or the file was edited).";

        /// <summary><paramref name="skipped"/> gets each file with lines that are not records, and how many.</summary>
        public static IEnumerable<ZkSyncHistoryRecord> Read(string folder, Action<string, int> skipped)
        {
            foreach (string file in JournalLocation.Files(folder))
            {
                int bad = 0;
                foreach (string line in JournalFile.ReadLines(file))
                {
                    ZkSyncHistoryRecord? record = JournalCodec.TryDecode(line);
                    if (record == null)
                    {
                        if (!string.IsNullOrWhiteSpace(line)) bad++;
                        continue;
                    }
                    record.Time = DateTime.SpecifyKind(record.Time, DateTimeKind.Utc);
                    record.JournalFile = file;
                    yield return record;
                }
                if (bad > 0) skipped(file, bad);
            }
        }
    }

    /// <summary>The names a device filter matches in a record: its address, its host alone, and its serial
    /// number.</summary>
    internal static class DeviceNames
    {
        public static IEnumerable<string> Of(ZkSyncHistoryRecord record)
        {
            yield return record.Destination;
            int colon = record.Destination.LastIndexOf(':');
            if (colon > 0) yield return record.Destination.Substring(0, colon);
            if (!string.IsNullOrEmpty(record.SerialNumber)) yield return record.SerialNumber!;
        }
    }
}
