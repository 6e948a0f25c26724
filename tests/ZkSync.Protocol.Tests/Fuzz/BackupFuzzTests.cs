using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Client;
using ZkSync.Sync;
using ZkSync.Sync.Backup;

namespace ZkSync.Protocol.Tests.Fuzz
{
    /// <summary>The backup reader over truncated, tampered and garbage files: a <see cref="ZkBackupException"/> or a
    /// readable backup.</summary>
    public sealed class BackupFuzzTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("zksync-fuzz-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private async Task<byte[]> RealBackupAsync()
        {
            using var emulator = await Emulated.StartAsync("face", users: 3, configure: o => o.AttendanceRecords = 4);
            using var client = await ZkDeviceClient.ConnectAsync(Emulated.Options(emulator, ZkTransportKind.Tcp));
            string path = Path.Combine(_dir, "real.zksync");
            await BackupWriter.CreateAsync(new ZkClientSyncDevice(client), path, new BackupOptions());
            return File.ReadAllBytes(path);
        }

        [Fact]
        public async Task Damaged_backups_are_refused_with_a_typed_error()
        {
            var real = await RealBackupAsync();
            string path = Path.Combine(_dir, "case.zksync");
            Fuzzer.Run(nameof(BackupFile), new[] { real }, (bytes, _) =>
            {
                File.WriteAllBytes(path, bytes);
                using var backup = BackupFile.Open(path);
                foreach (var u in backup.Users)
                {
                    backup.GetFaces(u.UserId);
                    backup.GetPhoto(u.UserId);
                }
                backup.GetAttendance();
            }, ciCases: 300);
        }
    }
}
