using System;
using System.IO;
using System.Linq;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;
using static ZkSync.PowerShell.Tests.SyncPipelineTests;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Export-ZkDevice, Import-ZkDevice and Start-ZkEmulator -FromBackup between in-process
    /// emulators.</summary>
    public sealed class BackupPipelineTests : DeviceTestBase, IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "zksync-ps-" + Guid.NewGuid().ToString("N"));

        public BackupPipelineTests(ModuleFixture fixture) : base(fixture) => Directory.CreateDirectory(_folder);

        // ConvertTo-SecureString lives in a module the bare test host lacks; NetworkCredential makes the same
        // SecureString.
        private string File(string name) => Path.Combine(_folder, name);

        [Fact]
        public void Sync_BackupPassword_encrypts_the_destination_backups_and_needs_BackupPath()
        {
            Device("a", users: 2);
            Device("b");
            Ok("$pw = [System.Net.NetworkCredential]::new('', 'door-secret').SecurePassword");
            string[] refused = Strings(
                "try { Sync-ZkDevice -Source $a -Destination $b -BackupPassword $pw; 'not stopped' } catch { "
                    + "$_.FullyQualifiedErrorId }"
            );
            Assert.StartsWith("ZkSync.InvalidArgument,", Assert.Single(refused));
            Assert.Equal(0, Count("Get-ZkUser -Session $b")); // stopped before anything was written

            PsResult result = Ok(
                $"Sync-ZkDevice -Source $a -Destination $b -BackupPath '{File("syncs")}' -BackupPassword $pw"
            );
            string backup = Text(Summaries(result).Single(), "BackupPath");
            string[] locked = Strings(
                $"try {{ Compare-ZkDevice -ReferencePath '{backup}' -Difference $b; 'not stopped' }} catch {{ "
                    + "$_.FullyQualifiedErrorId }"
            );
            Assert.StartsWith("ZkSync.BackupPasswordInvalid,", Assert.Single(locked));
            // With the password it opens, and holds the destination as it was before the sync: empty.
            var compared = Ok($"Compare-ZkDevice -ReferencePath '{backup}' -Password $pw -Difference $b").Output;
            Assert.Equal(2, compared.Count);
            Assert.All(compared, c => Assert.Equal("DifferenceOnly", Text(c, "Status")));
        }

        [Fact]
        public void Plain_and_encrypted_backups_restore_into_empty_devices_that_compare_equal()
        {
            Device("a", "face", users: 4);
            PsResult plain = Ok($"Export-ZkDevice -Session $a -Path '{File("plain.zksync")}'");
            PsResult secret = Ok(
                $"$pw = [System.Net.NetworkCredential]::new('', 'S3cret!').SecurePassword; $a | Export-ZkDevice -Path "
                    + $"'{File("secret.zksync")}' -Password $pw"
            );

            Assert.Equal(
                ("False", "4", "60"),
                (
                    Text(plain.Output.Single(), "Encrypted"),
                    Text(plain.Output.Single(), "Users"),
                    Text(plain.Output.Single(), "FaceRecords")
                )
            );
            Assert.Equal("True", Text(secret.Output.Single(), "Encrypted"));
            Assert.Equal(
                new FileInfo(File("secret.zksync")).Length,
                (long)secret.Output.Single().Properties["Length"].Value
            );
            Assert.False(System.IO.File.ReadAllBytes(File("secret.zksync")).AsSpan().IndexOf("PK"u8) == 0);

            Device("b", "face");
            Device("c", "face");
            PsResult restored = Ok($"Import-ZkDevice -Path '{File("plain.zksync")}' -Destination $b");
            Assert.Equal(
                4,
                OfType(restored, "ZkSyncResult")
                    .Count(i => Text(i, "Action") == "Added" && Text(i, "Status") == "Succeeded")
            );
            Assert.StartsWith("backup:", Text(Summaries(restored).Single(), "Source"));
            Ok($"$null = Import-ZkDevice '{File("secret.zksync")}' $c -Password $pw");

            foreach (string device in new[] { "$b", "$c" })
            {
                var compared = Ok($"Compare-ZkDevice -Reference $a -Difference {device}").Output;
                Assert.Equal(4, compared.Count); // Assert.All over none would pass
                Assert.All(compared, r => Assert.Equal("Equal", Text(r, "Status")));
            }
            Assert.Equal(
                4,
                Ok($"Compare-ZkDevice -ReferencePath '{File("secret.zksync")}' -Password $pw -Difference $c")
                    .Output.Count(r => Text(r, "Status") == "Equal")
            );
        }

        [Fact]
        public void A_wrong_password_or_a_damaged_file_stops_the_command_before_any_device_is_touched()
        {
            Device("a", users: 2);
            Device("b");
            Ok(
                $"$pw = [System.Net.NetworkCredential]::new('', 'right').SecurePassword; $null = Export-ZkDevice "
                    + $"-Session $a -Path '{File("x.zksync")}' -Password $pw"
            );
            Ok($"$null = Export-ZkDevice -Session $a -Path '{File("plain.zksync")}'");

            // Only a terminating error reaches catch; "not stopped" would mean the command went on.
            string[] wrong = Strings(
                $"try {{ Import-ZkDevice '{File("x.zksync")}' $b -Password ([System.Net.NetworkCredential]::new('', "
                    + $"'wrong').SecurePassword); 'not stopped' }} catch {{ $_.FullyQualifiedErrorId }}"
            );
            Assert.StartsWith("ZkSync.BackupPasswordInvalid,", Assert.Single(wrong));
            Assert.Equal(
                "ZkSync.BackupPasswordInvalid",
                Ps.Run($"Start-ZkEmulator -FromBackup '{File("x.zksync")}'").ErrorIds.Single()
            );

            byte[] bytes = System.IO.File.ReadAllBytes(File("plain.zksync"));
            bytes[bytes.Length / 2] ^= 0x5A;
            System.IO.File.WriteAllBytes(File("plain.zksync"), bytes);
            string[] damaged = Strings(
                $"try {{ Compare-ZkDevice -ReferencePath '{File("plain.zksync")}' -Difference $b; 'not stopped' }} "
                    + $"catch {{ $_.FullyQualifiedErrorId }}"
            );
            Assert.StartsWith("ZkSync.BackupInvalid,", Assert.Single(damaged));
            string[] imported = Strings(
                $"try {{ Import-ZkDevice '{File("plain.zksync")}' $b; 'not stopped' }} catch {{ "
                    + "$_.FullyQualifiedErrorId }"
            );
            Assert.StartsWith("ZkSync.BackupInvalid,", Assert.Single(imported));
            Assert.Equal(0, Count("Get-ZkUser -Session $b"));
        }

        [Fact]
        public void An_existing_file_is_kept_unless_Force()
        {
            Device("a", users: 1);
            Ok($"$null = Export-ZkDevice -Session $a -Path '{File("b.zksync")}' -NoAttendance");
            PsResult again = Ps.Run($"Export-ZkDevice -Session $a -Path '{File("b.zksync")}'");
            Assert.Equal("ZkSync.FileError", Assert.Single(again.ErrorIds));
            Assert.Equal(
                "0",
                Text(
                    Ok($"Export-ZkDevice -Session $a -Path '{File("b.zksync")}' -Force -NoAttendance").Output.Single(),
                    "Attendance"
                )
            );
        }

        [Fact]
        public void An_emulator_started_from_a_backup_is_a_copy_of_the_original_device()
        {
            Device("a", "face", users: 5, extra: "-FingerprintVersion 9");
            Ok($"$null = Export-ZkDevice -Session $a -Path '{File("a.zksync")}'");

            Ok($"$copy = Start-ZkEmulator -FromBackup '{File("a.zksync")}' | Connect-ZkDevice -Timeout 3");

            Assert.All(Ok("Compare-ZkDevice -Reference $a -Difference $copy").Output, r =>
                Assert.Equal("Equal", Text(r, "Status"))
            );
            Assert.Equal(5, Count("Compare-ZkDevice $a $copy"));
            Assert.Equal(Strings("$a.SerialNumber"), Strings("$copy.SerialNumber"));
            Assert.Equal(new[] { "9" }, Strings("(Get-ZkDeviceInfo -Session $copy).FingerprintAlgorithm"));
            Assert.Equal(Count("Get-ZkAttendanceLog -Session $a"), Count("Get-ZkAttendanceLog -Session $copy"));
        }

        void IDisposable.Dispose()
        {
            Dispose();
            if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
        }
    }
}
