using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;
using ZkSync.Sync;
using ZkSync.Sync.Backup;

namespace ZkSync.Emulator.Tests
{
    /// <summary>An emulator started from a backup holds the backed-up device: same data, same profile, same
    /// identity.</summary>
    public class BackupStartTests
    {
        [Theory]
        [InlineData("face", 10)]
        [InlineData("bw", 9)]
        public async Task A_backup_starts_an_equal_device_with_the_same_profile_and_identity(
            string profile,
            int fingerprintVersion
        )
        {
            using var original = await Emu.Start(profile, 5, configure: o =>
            {
                o.FingerprintVersion = fingerprintVersion;
                o.UserCapacity = 50;
                o.AttendanceRecords = 7;
            });
            string path = Path.Combine(Path.GetTempPath(), "zksync-emu-" + Guid.NewGuid().ToString("N") + ".zksync");
            try
            {
                using (var device = new ZkClientSyncDevice(await Connect(original), ownsClient: true))
                {
                    await BackupWriter.CreateAsync(device, path, new BackupOptions());
                    await device.CloseAsync(default);
                }

                using var copy = await DeviceEmulator.StartFromAsync(
                    BackupFile.Load(path),
                    new EmulatorOptions { Seed = 99 }
                );

                Assert.Equal(original.Profile.Name, copy.Profile.Name);
                Assert.Equal(original.Profile.SerialNumber, copy.Profile.SerialNumber);
                Assert.Equal(
                    (fingerprintVersion, original.Profile.FaceVersion, original.Profile.PhotoFamily),
                    (copy.Profile.FingerprintVersion, copy.Profile.FaceVersion, copy.Profile.PhotoFamily)
                );
                Assert.Equal(50, copy.Profile.UserCapacity);
                Assert.Equal(7, copy.State.Attendance.Count);
                Assert.Equal(original.State.Users.Select(u => u.Pin2), copy.State.Users.Select(u => u.Pin2));

                using var a = new ZkClientSyncDevice(await Connect(original), ownsClient: true);
                using var b = new ZkClientSyncDevice(await Connect(copy), ownsClient: true);
                var compared = await DeviceComparer.CompareAsync(a, b, new SyncOptions());
                Assert.Equal(5, compared.Count);
                Assert.All(compared, c => Assert.Equal(DeviceComparisonStatus.Equal, c.Status));
                Assert.Equal(original.State.Photos.Count, copy.State.Photos.Count);
                Assert.Equal(original.State.UsersWithFaces, copy.State.UsersWithFaces);
                await a.CloseAsync(default);
                await b.CloseAsync(default);
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static Task<ZkDeviceClient> Connect(DeviceEmulator e) =>
            ZkDeviceClient.ConnectAsync(
                new ZkConnectionOptions
                {
                    Host = "127.0.0.1",
                    Port = e.Port,
                    Transport = ZkTransportKind.Tcp,
                    Timeout = TimeSpan.FromSeconds(3),
                }
            );
    }
}
