using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>The errors an admin meets: ids, categories and messages that name what to do (issue 13, Errors).</summary>
    public sealed class AdminErrorTests : DeviceTestBase, IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "zksync-errors-" + Guid.NewGuid().ToString("N"));

        public AdminErrorTests(ModuleFixture fixture) : base(fixture) => Directory.CreateDirectory(_folder);

        private string File(string name) => Path.Combine(_folder, name);

        private static ErrorRecord Failure(PsResult result) => Assert.Single(result.AllErrors);

        [Fact]
        public void Import_with_the_files_password_given_as_BackupPassword_names_Password()
        {
            Device("a", users: 1);
            Device("b");
            Ok($"$pw = [System.Net.NetworkCredential]::new('', 'S3cret!').SecurePassword; $null = Export-ZkDevice -Session $a -Path '{File("s.zksync")}' -Password $pw");

            ErrorRecord misplaced = Failure(Ps.Run($"Import-ZkDevice -Path '{File("s.zksync")}' -Destination $b -BackupPassword $pw"));
            Assert.StartsWith("ZkSync.InvalidArgument,", misplaced.FullyQualifiedErrorId);
            Assert.Contains("-Password", misplaced.Exception.Message);

            ErrorRecord missing = Failure(Ps.Run($"Import-ZkDevice -Path '{File("s.zksync")}' -Destination $b"));
            Assert.StartsWith("ZkSync.BackupPasswordInvalid,", missing.FullyQualifiedErrorId);
            Assert.Contains("give its password with -Password", missing.Exception.Message);
            Assert.Equal(0, Count("Get-ZkUser -Session $b"));
        }

        [Fact]
        public void A_missing_backup_file_is_ObjectNotFound()
        {
            Device("b");
            ErrorRecord error = Failure(Ps.Run($"Import-ZkDevice -Path '{File("nothing.zksync")}' -Destination $b"));
            Assert.StartsWith("ZkSync.FileNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }

        [Fact]
        public void A_missing_photo_file_is_ObjectNotFound_not_a_write_error()
        {
            Device("a", "face", users: 1);
            ErrorRecord error = Failure(Ps.Run($"Set-ZkUserPhoto -Session $a -UserId @(Get-ZkUser -Session $a)[0].UserId -Path '{File("none.jpg")}'"));
            Assert.StartsWith("ZkSync.FileNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }

        public new void Dispose()
        {
            base.Dispose();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
