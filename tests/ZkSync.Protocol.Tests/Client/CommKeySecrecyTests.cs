using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;
using ZkSync.Sync;
using ZkSync.Sync.Backup;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>The comm key is checked as firmware does and its decimal text appears nowhere: logs, errors, progress,
    /// results, backups.</summary>
    public sealed class CommKeySecrecyTests : IDisposable
    {
        private const uint Key = 731904;
        private readonly string _dir = Directory.CreateTempSubdirectory("zksync-key-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private static ZkConnectionOptions Options(DeviceEmulator e, uint key, CapturingLogger log)
        {
            var o = Emulated.Options(e, ZkTransportKind.Tcp, key);
            o.Logger = log;
            return o;
        }

        [Fact]
        public async Task The_key_never_appears_in_output_even_through_reconnects_failures_and_backups()
        {
            using var source = await Emulated.StartAsync("face", users: 4, commKey: Key);
            using var destination = await Emulated.StartAsync("face", commKey: Key);
            var log = new CapturingLogger();
            var text = new List<string>();

            // A sync with a reconnect in the middle: connect, re-auth and retry paths all log.
            destination.SetFaults(new FaultOptions { ResetAfterRequests = 30 });
            var options = new SyncOptions
            {
                Logger = log,
                Progress = new Progress<SyncProgress>(p =>
                {
                    lock (text)
                        text.Add(p.ToString()!);
                }),
            };
            var report = await SyncEngine.RunAsync(
                ZkClientSyncDevice.Endpoint(Options(source, Key, log)),
                new[] { ZkClientSyncDevice.Endpoint(Options(destination, Key, log)) },
                options
            );
            Assert.Null(report.Summaries.Single().Error);
            Assert.Contains(log.Lines, l => l.Text.Contains("reconnected"));
            text.AddRange(report.Items.Select(i => i.ToString()));
            text.AddRange(report.Summaries.Select(s => s.ToString()!));

            // Wrong and missing keys: clear authentication errors.
            var wrong = await Assert.ThrowsAsync<ZkAuthenticationException>(() =>
                ZkDeviceClient.ConnectAsync(Options(destination, Key + 1, log))
            );
            Assert.Contains("comm key", wrong.Message);
            var missing = await Assert.ThrowsAsync<ZkAuthenticationException>(() =>
                ZkDeviceClient.ConnectAsync(Options(destination, 0, log))
            );
            Assert.Contains("requires a comm key", missing.Message);
            text.Add(wrong.ToString());
            text.Add(missing.ToString());

            // Backups, plain and encrypted.
            var files = new List<string>();
            foreach (var password in new[] { null, "a long backup password" })
            {
                string path = Path.Combine(_dir, (password == null ? "plain" : "encrypted") + ".zksync");
                using var client = await ZkDeviceClient.ConnectAsync(Options(source, Key, log));
                await BackupWriter.CreateAsync(
                    new ZkClientSyncDevice(client),
                    path,
                    new BackupOptions { Password = password, Iterations = 200_000 }
                );
                files.Add(path);
            }
            using (var zip = System.IO.Compression.ZipFile.OpenRead(files[0])) // the plain backup's entries, inflated
                foreach (var entry in zip.Entries)
                {
                    using var reader = new StreamReader(entry.Open(), Encoding.Latin1);
                    text.Add(reader.ReadToEnd());
                }

            var secrets = new[]
            {
                Key.ToString(CultureInfo.InvariantCulture),
                (Key + 1).ToString(CultureInfo.InvariantCulture),
            };
            Assert.DoesNotContain(log.Lines, l => secrets.Any(s => l.Text.Contains(s)));
            Assert.DoesNotContain(text, t => secrets.Any(s => t.Contains(s)));
            Assert.DoesNotContain(source.Log.Entries.Concat(destination.Log.Entries), e =>
                secrets.Any(s => e.Contains(s))
            );
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                foreach (var s in secrets)
                {
                    Assert.False(Contains(bytes, Encoding.ASCII.GetBytes(s)), $"{file} holds {s} as ASCII");
                    Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(s)), $"{file} holds {s} as UTF-16");
                }
            }
        }

        private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
    }
}
