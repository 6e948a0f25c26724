using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace ZkSync.PowerShell.Journal
{
    /// <summary>
    /// Appends whole lines to a journal file so that concurrent writers (threads, runspaces, processes) never
    /// interleave or tear them. .NET's FileMode.Append does not open with O_APPEND (it seeks to the end once), so two
    /// appenders can overwrite each other; instead each append opens the file exclusively (FileShare.None: a share-mode
    /// lock on Windows, flock(LOCK_EX) on Linux and macOS), seeks to the end and writes the line in one Write, then
    /// closes. A writer that finds the file busy retries for a while; readers open it the same way, so they never see
    /// half a line.
    /// </summary>
    internal static class JournalFile
    {
        private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);

        /// <summary>Appends <paramref name="line"/> (no newline in it) as one line; throws IOException or
        /// UnauthorizedAccessException.</summary>
        public static void AppendLine(string path, string line)
        {
            if (line.IndexOf('\n') >= 0)
                throw new ArgumentException("A journal record must be a single line.", nameof(line));
            string? folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            WhenFree(() =>
            {
                using var stream = new FileStream(
                    path,
                    FileMode.OpenOrCreate,
                    FileAccess.ReadWrite,
                    FileShare.None,
                    4096,
                    FileOptions.WriteThrough
                );
                // A writer killed mid-line leaves no newline at the end; start on a fresh line so only that record is
                // lost.
                bool needsNewline = stream.Length > 0 && LastByte(stream) != (byte)'\n';
                byte[] bytes = Utf8NoBom.GetBytes((needsNewline ? "\n" : "") + line + "\n");
                stream.Seek(0, SeekOrigin.End);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush();
                return true;
            });
        }

        /// <summary>Every line of the file (an absent file has none).</summary>
        public static IReadOnlyList<string> ReadLines(string path)
        {
            if (!File.Exists(path)) return Array.Empty<string>();
            return WhenFree(() =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                using var reader = new StreamReader(stream, Utf8NoBom);
                var lines = new List<string>();
                for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine()) lines.Add(line);
                return (IReadOnlyList<string>)lines;
            });
        }

        private static int LastByte(FileStream stream)
        {
            stream.Seek(-1, SeekOrigin.End);
            return stream.ReadByte();
        }

        /// <summary>Runs <paramref name="open"/> until the file is not held by another writer or reader, or the timeout
        /// passes.</summary>
        private static T WhenFree<T>(Func<T> open)
        {
            DateTime giveUp = DateTime.UtcNow + BusyTimeout;
            var random = new Random(Guid.NewGuid().GetHashCode());
            while (true)
            {
                try
                {
                    return open();
                }
                catch (IOException busy) when (IsSharingViolation(busy) && DateTime.UtcNow < giveUp)
                {
                    // Jitter keeps many waiting writers from retrying in lock step.
                    Thread.Sleep(random.Next(2, 20));
                }
            }
        }

        // FileNotFound, DirectoryNotFound and PathTooLong are IOExceptions too, and retrying them cannot help.
        private static bool IsSharingViolation(IOException exception) =>
            !(
                exception is FileNotFoundException
                || exception is DirectoryNotFoundException
                || exception is PathTooLongException
            );
    }
}
