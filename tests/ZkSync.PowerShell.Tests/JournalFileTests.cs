using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>
    /// The journal file below the cmdlets: whole lines under contention, torn tails, unreadable lines. The test project
    /// loads the module as users do (not as a reference), so its internal journal types are reached by reflection.
    /// </summary>
    public sealed class JournalFileTests : IClassFixture<ModuleFixture>, IDisposable
    {
        private readonly Assembly _module;
        private readonly PsHost _ps;

        public JournalFileTests(ModuleFixture fixture)
        {
            _ps = fixture.Host;
            _module = ((Type)_ps.Run("[ZkSync.PowerShell.ZkSyncHistoryRecord]").Output.Single().BaseObject).Assembly;
        }

        private object? Call(string type, string method, params object?[] args)
        {
            MethodInfo info = _module
                .GetType("ZkSync.PowerShell.Journal." + type, throwOnError: true)!
                .GetMethod(method, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
            try
            {
                return info.Invoke(null, args);
            }
            catch (TargetInvocationException wrapped) when (wrapped.InnerException != null)
            {
                throw wrapped.InnerException;
            }
        }

        private void AppendLine(string path, string line) => Call("JournalFile", "AppendLine", path, line);

        private IReadOnlyList<string> ReadLines(string path) =>
            (IReadOnlyList<string>)Call("JournalFile", "ReadLines", path)!;

        private readonly string _folder = Path.Combine(
            Path.GetTempPath(),
            "zksync-journalfile-" + Guid.NewGuid().ToString("N")
        );

        private string FilePath => Path.Combine(_folder, "zksync-journal-2026-12.jsonl");

        [Fact]
        public async Task Many_threads_appending_long_records_never_interleave_or_lose_one()
        {
            const int Threads = 16,
                PerThread = 60;
            // Records far larger than a FileStream buffer, so a non-atomic append would show as torn or mixed lines.
            string Line(int thread, int n) =>
                $"{{\"thread\":{thread},\"n\":{n},\"pad\":\"{new string((char)('a' + thread), 20000)}\"}}";
            using var start = new ManualResetEventSlim();
            Task[] writers = Enumerable
                .Range(0, Threads)
                .Select(t =>
                    Task.Factory.StartNew(
                        () =>
                        {
                            start.Wait();
                            for (int n = 0; n < PerThread; n++)
                                AppendLine(FilePath, Line(t, n));
                        },
                        TaskCreationOptions.LongRunning
                    )
                )
                .ToArray();
            start.Set();
            var all = Task.WhenAll(writers);
            Assert.True(all == await Task.WhenAny(all, Task.Delay(TimeSpan.FromMinutes(2))), "writers did not finish");
            await all;

            IReadOnlyList<string> lines = ReadLines(FilePath);
            Assert.Equal(Threads * PerThread, lines.Count);
            var seen = new HashSet<string>(lines);
            for (int t = 0; t < Threads; t++)
                for (int n = 0; n < PerThread; n++) Assert.Contains(Line(t, n), seen);
        }

        [Fact]
        public void A_record_torn_by_a_killed_writer_costs_only_that_record()
        {
            Directory.CreateDirectory(_folder);
            File.WriteAllText(
                FilePath,
                "{\"Command\":\"Sync-ZkDevice\",\"Destination\":\"10.0.0.1:4370\",\"Status\":\"Succeeded\"}\n"
                    + "{\"Command\":\"Sync-Zk"
            );
            AppendLine(
                FilePath,
                "{\"Command\":\"Copy-ZkUser\",\"Destination\":\"10.0.0.2:4370\",\"Status\":\"Failed\"}"
            );

            PsResult result = _ps.Run("Get-ZkSyncHistory -JournalPath $folder", "folder", _folder);
            Assert.Equal(
                new[] { "Sync-ZkDevice", "Copy-ZkUser" },
                result.Output.Select(o => o.Properties["Command"].Value)
            );
            Assert.Equal("Failed", result.Output[1].Properties["Status"].Value.ToString());
            Assert.Contains("1 line(s) are not journal records", Assert.Single(result.Warnings).Message);
        }

        [Fact]
        public void The_default_folder_follows_XDG_data_home_or_LOCALAPPDATA_and_the_month_names_the_file()
        {
            string folder = (string)Call("JournalLocation", "DefaultFolder")!;
            if (
                System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(
                    System.Runtime.InteropServices.OSPlatform.Windows
                )
            )
                Assert.Equal(
                    Path.Combine(
                        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData),
                        "ZkSync",
                        "Journal"
                    ),
                    folder
                );
            else
            {
                string? xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
                string dataHome =
                    !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
                        ? xdg
                        : Path.Combine(
                            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                            ".local",
                            "share"
                        );
                Assert.Equal(Path.Combine(dataHome, "zksync", "journal"), folder);
            }
            Assert.Equal(
                Path.Combine("x", "zksync-journal-2027-01.jsonl"),
                Call("JournalLocation", "FileFor", "x", new DateTime(2027, 1, 31, 23, 0, 0, DateTimeKind.Utc))
            );
            Assert.Equal("cmd", Call("JournalLocation", "Folder", "cmd", "pref"));
            Assert.Equal("pref", Call("JournalLocation", "Folder", null, "pref"));
        }

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
        }
    }
}
