using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.Sync;

namespace ZkSync.PowerShell.Journal
{
    /// <summary>
    /// The journal of one command invocation: collects per destination what happened and appends one record per
    /// destination. Never throws: a journal that cannot be written is reported through <see cref="Warn"/> and the
    /// command's own work is unaffected.
    /// </summary>
    internal sealed class RunJournal
    {
        private readonly string _folder;
        private readonly string _command;
        private readonly Action<string> _warn;
        // Keyed by the engine's endpoint and by the session object, never by a device's name: two sessions to one
        // device are two destinations with records of their own.
        private readonly Dictionary<SyncEndpoint, List<ZkSyncFailedUser>> _failedUsers =
            new Dictionary<SyncEndpoint, List<ZkSyncFailedUser>>();
        private readonly Dictionary<ZkSession, ZkSyncHistoryRecord> _tallies =
            new Dictionary<ZkSession, ZkSyncHistoryRecord>();
        private bool _warned;

        public RunJournal(string folder, string command, Action<string> warn)
        {
            _folder = folder;
            _command = command;
            _warn = warn;
        }

        public string Folder => _folder;

        /// <summary>Notes a failed user of a destination, for the record written at its summary.</summary>
        public void NoteItem(SyncItemResult item)
        {
            if (item.Status != SyncItemStatus.Failed || item.Endpoint == null) return;
            if (!_failedUsers.TryGetValue(item.Endpoint, out List<ZkSyncFailedUser>? list))
                _failedUsers[item.Endpoint] = list = new List<ZkSyncFailedUser>();
            list.Add(new ZkSyncFailedUser { UserId = item.UserId, Reason = item.Notes });
        }

        /// <summary>Writes the record of a destination the sync engine has finished.</summary>
        /// <param name="whatIf">The command answered -WhatIf (also when the engine itself was not told).</param>
        public void Summary(SyncSummary summary, string source, string destination, string? serialNumber, bool whatIf)
        {
            ZkSyncHistoryRecord record = NewRecord(source, destination, serialNumber);
            record.Added = summary.Added;
            record.Updated = summary.Updated;
            record.Unchanged = summary.Unchanged;
            record.Removed = summary.Removed;
            record.Failed = summary.Failed;
            record.Skipped = summary.Skipped;
            record.BytesWritten = summary.BytesUploaded;
            record.Duration = summary.Duration;
            record.WhatIf = summary.WhatIf || whatIf;
            record.Verified = summary.Verified && !record.WhatIf;
            record.NotReEnabled = summary.NotReEnabled;
            record.Error = summary.Error;
            if (summary.Endpoint != null && _failedUsers.TryGetValue(summary.Endpoint, out var failed))
                record.FailedUsers = failed;
            Append(record);
        }

        /// <summary>Writes a record a script made itself: a destination it could not even connect to fails with
        /// <paramref name="error"/>.</summary>
        public void Note(string command, string source, string destination, string? serialNumber, string? error)
        {
            ZkSyncHistoryRecord record = NewRecord(source, destination, serialNumber);
            record.Command = command;
            record.Error = error;
            Append(record);
        }

        /// <summary>
        /// Counts one item a command (Remove-Zk*) changed or failed to change through <paramref name="session"/>;
        /// written by <see cref="Flush"/>.
        /// </summary>
        public void Tally(ZkSession session, string userId, string? failure, TimeSpan took)
        {
            if (!_tallies.TryGetValue(session, out ZkSyncHistoryRecord? record))
                _tallies[session] = record = NewRecord("", session.Device, session.SerialNumber);
            record.Duration += took;
            if (failure == null) record.Removed++;
            else
            {
                record.Failed++;
                record.FailedUsers.Add(new ZkSyncFailedUser { UserId = userId, Reason = failure });
            }
        }

        /// <summary>Writes the tallied records (one per destination) and forgets them.</summary>
        public void Flush()
        {
            foreach (ZkSyncHistoryRecord record in _tallies.Values)
                Append(record);
            _tallies.Clear();
        }

        private ZkSyncHistoryRecord NewRecord(string source, string destination, string? serialNumber) =>
            new ZkSyncHistoryRecord
            {
                User = SafeUserName(),
                ComputerName = Environment.MachineName,
                Version = ModuleVersion.Text,
                Command = _command,
                Source = source,
                Destination = destination,
                SerialNumber = string.IsNullOrEmpty(serialNumber) ? null : serialNumber,
            };

        private void Append(ZkSyncHistoryRecord record)
        {
            record.Time = DateTime.UtcNow;
            record.Status =
                record.Error == null && record.Failed == 0 ? ZkSyncRunStatus.Succeeded : ZkSyncRunStatus.Failed;
            try
            {
                JournalFile.AppendLine(JournalLocation.FileFor(_folder, record.Time), JournalCodec.Encode(record));
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                // Once per command: a full disk should not bury the results under one warning per destination.
                if (_warned)
                    return;
                _warned = true;
                _warn(
                    $"The run journal could not be written to {_folder}: {exception.Message} The command itself is "
                        + $"not affected; set ${JournalLocation.PreferenceVariable} or -JournalPath to a writable "
                            + "folder."
                );
            }
        }

        private static string SafeUserName()
        {
            string domain = Environment.GetEnvironmentVariable("USERDOMAIN") ?? "";
            return string.IsNullOrEmpty(domain) ? Environment.UserName : domain + "\\" + Environment.UserName;
        }
    }

    /// <summary>The module's version as journal records carry it.</summary>
    internal static class ModuleVersion
    {
        public static readonly string Text = typeof(ModuleVersion).Assembly.GetName().Version?.ToString(3) ?? "";
    }
}
