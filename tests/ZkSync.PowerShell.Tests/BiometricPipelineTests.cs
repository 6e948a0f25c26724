using System.IO;
using System.Linq;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Fingerprint, face and photo pipelines against emulators (needs the engine and the emulator).</summary>
    public sealed class BiometricPipelineTests : DeviceTestBase
    {
        public BiometricPipelineTests(ModuleFixture fixture) : base(fixture) { }

        [Fact]
        public void Piped_finger_0_templates_are_removed_and_other_fingers_stay()
        {
            Device("a", "face", users: 8);
            int all = Count("Get-ZkFingerprint -Session $a");
            int zeros = Count("Get-ZkFingerprint -Session $a | Where-Object FingerIndex -eq 0");
            Assert.True(zeros > 0 && zeros < all, "seeded data should have some finger-0 templates and some others");

            Device("other"); // the current session is now another device: the templates must find their own
            Ok("Get-ZkFingerprint -Session $a | Where-Object FingerIndex -eq 0 | Remove-ZkFingerprint -Confirm:$false");
            Assert.Equal(0, Count("Get-ZkFingerprint -Session $a -FingerIndex 0"));
            Assert.Equal(all - zeros, Count("Get-ZkFingerprint -Session $a"));
        }

        [Fact]
        public void Fingerprint_removal_with_WhatIf_changes_nothing()
        {
            Device("a", "tft", users: 4);
            int all = Count("Get-ZkFingerprint -Session $a");
            Ok("Get-ZkFingerprint -Session $a | Remove-ZkFingerprint -WhatIf");
            Assert.Equal(all, Count("Get-ZkFingerprint -Session $a"));
        }

        [Fact]
        public void Photos_saved_as_UserId_jpg_pipe_into_another_device()
        {
            Device("a", "face", users: 4);
            Device("b", "face");
            Ok("$null = Copy-ZkUser -Source $a -Destination $b -Include Users");
            string dir = Path.Combine(Path.GetTempPath(), "zksync-photos-" + System.Guid.NewGuid().ToString("N"));
            try
            {
                PsResult saved = Ok($"Get-ZkUserPhoto -Session $a -OutDirectory '{dir}'");
                Assert.NotEmpty(saved.Output);
                foreach (var photo in saved.Output)
                {
                    string path = Path.Combine(dir, photo.Properties["UserId"].Value + ".jpg");
                    Assert.Equal(path, photo.Properties["Path"].Value);
                    Assert.Equal((int)photo.Properties["Size"].Value, (int)new FileInfo(path).Length);
                }

                Assert.Empty(Ok("Get-ZkUserPhoto -Session $b").Output);
                Ok($"Get-ZkUserPhoto -Session $a -OutDirectory '{dir}' | Set-ZkUserPhoto -Session $b");
                Assert.Equal(
                    Strings("Get-ZkUserPhoto -Session $a | ForEach-Object { $_.UserId + ':' + $_.Size }"),
                    Strings("Get-ZkUserPhoto -Session $b | ForEach-Object { $_.UserId + ':' + $_.Size }"));
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void A_file_that_is_not_a_jpeg_is_refused_with_InvalidData()
        {
            Device("a", "face", users: 1);
            string file = Path.GetTempFileName();
            try
            {
                File.WriteAllText(file, "not a picture");
                PsResult result = Ps.Run(
                    $"$id = (Get-ZkUser -Session $a)[0].UserId; Set-ZkUserPhoto -Session $a -UserId $id -Path '{file}'"
                );
                Assert.Equal("ZkSync.InvalidData", Assert.Single(result.ErrorIds));
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void Face_templates_of_one_user_are_removed_through_the_pipeline()
        {
            Device("a", "face", users: 3);
            string[] users = Strings("Get-ZkUser -Session $a | ForEach-Object UserId");
            int othersBefore = Count($"Get-ZkFaceTemplate -Session $a -UserId '{users[1]}', '{users[2]}'");
            Assert.True(Count($"Get-ZkFaceTemplate -Session $a -UserId '{users[0]}'") > 1);

            Ok($"Get-ZkFaceTemplate -Session $a -UserId '{users[0]}' | Remove-ZkFaceTemplate -Confirm:$false");
            Assert.Equal(0, Count($"Get-ZkFaceTemplate -Session $a -UserId '{users[0]}'"));
            Assert.Equal(othersBefore, Count($"Get-ZkFaceTemplate -Session $a -UserId '{users[1]}', '{users[2]}'"));
        }

        [Fact]
        public void Devices_without_faces_report_NotSupported()
        {
            Device("a", "tft", users: 1);
            Assert.Equal("ZkSync.NotSupported", Assert.Single(Ps.Run("Get-ZkFaceTemplate -Session $a").ErrorIds));
        }

        [Fact]
        public void Reading_faces_of_every_user_reports_progress_and_completes_it()
        {
            Device("a", "face", users: 3);
            PsResult result = Ok("Get-ZkFaceTemplate -Session $a");
            Assert.NotEmpty(result.Output);
            Assert.Contains(result.Progress, p =>
                p.RecordType == System.Management.Automation.ProgressRecordType.Processing
            );
            Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }
    }
}
