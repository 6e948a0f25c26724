using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Scripted;
using ZkSync.Sync;
using ZkSync.Sync.Backup;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>Bad parameters are refused with an error naming what is wrong, before anything reaches the
    /// device.</summary>
    public sealed class BadInputTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("zksync-bad-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Auto)]
        public async Task An_unreachable_device_is_a_connection_error_naming_it(ZkTransportKind kind)
        {
            int port = Sessions.ClosedPort();
            var options = Sessions.Options(port, kind, timeoutSeconds: 0.5);
            var ex = await Assert.ThrowsAnyAsync<ZkException>(() => ZkDeviceClient.ConnectAsync(options));
            Assert.True(ex is ZkConnectionException || ex is ZkTimeoutException, ex.GetType().Name);
            Assert.Contains($"127.0.0.1:{port}", ex.Message);
        }

        [Theory]
        [InlineData(0, 0u, "Port")]
        [InlineData(70000, 0u, "Port")]
        [InlineData(4370, 1_000_000u, "CommKey")]
        public async Task Out_of_range_settings_are_refused_before_connecting(int port, uint key, string field)
        {
            var options = new ZkConnectionOptions
            {
                Host = "127.0.0.1",
                Port = port,
                CommKey = key,
            };
            var ex = await Assert.ThrowsAsync<ZkInvalidDataException>(() => ZkDeviceClient.ConnectAsync(options));
            Assert.Equal(field, ex.Field);
            if (key != 0)
                // names the range, never the key
                Assert.DoesNotContain(key.ToString(CultureInfo.InvariantCulture), ex.Message);
        }

        [Fact]
        public async Task Invalid_user_data_and_photos_are_refused_before_anything_is_sent()
        {
            await using var d = await Emulated.OpenAsync(
                "face",
                ZkTransportKind.Tcp,
                users: 2,
                encoding: "windows-1252"
            );
            var c = d.Client;
            var someone = (await c.GetUsersAsync())[0].UserId;
            long before = d.Emulator.Counters.Requests;

            var wide = await Assert.ThrowsAsync<ZkInvalidDataException>(() =>
                c.SetUserAsync(new ZkUser { UserId = "1234567890", Name = "Too wide" })
            );
            Assert.Contains("1234567890", wide.Message);
            var name = await Assert.ThrowsAsync<ZkInvalidDataException>(() =>
                c.SetUserAsync(new ZkUser { UserId = "77", Name = "名前" })
            );
            Assert.Equal("Name", name.Field);
            var photo = await Assert.ThrowsAsync<ZkInvalidDataException>(() =>
                c.SetPhotoAsync(someone, new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 })
            );
            Assert.Contains("not a JPEG", photo.Message);

            Assert.Equal(before, d.Emulator.Counters.Requests); // nothing reached the device
            lock (d.Emulator.State.Sync)
                Assert.Equal(2, d.Emulator.State.UserCount);
        }

        [Theory]
        [InlineData("truncated")]
        [InlineData("tampered")]
        public async Task A_damaged_backup_is_refused_before_the_destination_is_touched(string damage)
        {
            string path = Path.Combine(_dir, "source.zksync");
            using (var source = await Emulated.StartAsync("face", users: 3))
            using (var client = await ZkDeviceClient.ConnectAsync(Emulated.Options(source, ZkTransportKind.Tcp)))
                await BackupWriter.CreateAsync(new ZkClientSyncDevice(client), path, new BackupOptions());
            var bytes = File.ReadAllBytes(path);
            if (damage == "truncated")
                bytes = bytes.Take(bytes.Length * 2 / 3).ToArray();
            else
                bytes[bytes.Length / 3] ^= 0x40; // inside a stored entry: its SHA-256 no longer matches
            File.WriteAllBytes(path, bytes);

            using var destination = await Emulated.StartAsync("face");
            var ex = await Assert.ThrowsAsync<ZkBackupException>(() =>
                SyncEngine.RunAsync(
                    BackupFile.Endpoint(path),
                    new[] { ZkClientSyncDevice.Endpoint(Emulated.Options(destination, ZkTransportKind.Tcp)) },
                    new SyncOptions()
                )
            );
            Assert.Contains("source.zksync", ex.Message);
            Assert.Equal(0, destination.Counters.Requests);
            lock (destination.State.Sync)
                Assert.Equal(0, destination.State.UserCount);
        }
    }
}
