using System;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Device info, clock, attendance and lifecycle commands against emulators (needs the engine and the
    /// emulator).</summary>
    public sealed class DeviceCommandDeviceTests : DeviceTestBase
    {
        public DeviceCommandDeviceTests(ModuleFixture fixture) : base(fixture) { }

        [Fact]
        public void Device_info_counts_match_what_the_device_holds()
        {
            Device("a", "face", users: 6);
            PsResult info = Ok("Get-ZkSession | Get-ZkDeviceInfo");
            PSObject details = info.Output.Single();
            Assert.Equal(6, details.Properties["Users"].Value);
            Assert.Equal(Count("Get-ZkFingerprint -Session $a"), details.Properties["Fingerprints"].Value);
            Assert.True((int)details.Properties["FaceAlgorithm"].Value > 0);
            Assert.Equal(Strings("$a.SerialNumber").Single(), details.Properties["SerialNumber"].Value);
        }

        [Fact]
        public void Set_ZkDeviceTime_sets_the_clock_and_WhatIf_does_not()
        {
            Device("a");
            Ok("Set-ZkDeviceTime -Session $a -Time '2021-06-15 10:30:00'");
            var time = (DateTime)Ok("(Get-ZkDeviceTime -Session $a).DeviceTime").Output.Single().BaseObject;
            Assert.Equal(new DateTime(2021, 6, 15), time.Date);

            Ok("Set-ZkDeviceTime -Session $a -Time '2001-01-01' -WhatIf");
            Assert.Equal(
                2021,
                ((DateTime)Ok("(Get-ZkDeviceTime -Session $a).DeviceTime").Output.Single().BaseObject).Year
            );

            var synced = (DateTime)
                Ok("(Set-ZkDeviceTime -Session $a -Sync -PassThru).DeviceTime").Output.Single().BaseObject;
            Assert.Equal(DateTime.Now.Year, synced.Year);
        }

        [Fact]
        public void Attendance_log_filters_by_time_and_clear_honours_WhatIf()
        {
            Device("a", users: 5);
            int all = Count("Get-ZkAttendanceLog -Session $a");
            Assert.True(all > 1, "the emulator seeds attendance for seeded users");
            string middle = Strings(
                    "$log = Get-ZkAttendanceLog -Session $a; $log[[int]($log.Count / 2)].Timestamp.ToString('o')"
                )
                .Single();
            int after = Count($"Get-ZkAttendanceLog -Session $a -After '{middle}'");
            int before = Count($"Get-ZkAttendanceLog -Session $a -Before '{middle}'");
            Assert.Equal(all, after + before);
            Assert.Empty(
                Ok(
                    $"Get-ZkAttendanceLog -Session $a -After '{middle}' | Where-Object {{ $_.Timestamp -lt "
                        + $"[datetime]'{middle}' }}"
                ).Output
            );

            Ok("Clear-ZkAttendanceLog -Session $a -WhatIf");
            Assert.Equal(all, Count("Get-ZkAttendanceLog -Session $a"));
            Ok("Clear-ZkAttendanceLog -Session $a -Confirm:$false");
            Assert.Equal(0, Count("Get-ZkAttendanceLog -Session $a"));
        }

        [Fact]
        public void Disable_and_enable_round_trip()
        {
            Device("a", users: 1);
            Ok("Disable-ZkDevice -Session $a; Enable-ZkDevice -Session $a");
            Assert.Equal(1, Count("Get-ZkUser -Session $a"));
        }

        [Fact]
        public void Restart_closes_and_forgets_the_session()
        {
            Device("a");
            Ok("Restart-ZkDevice -Session $a -Confirm:$false");
            Assert.Equal("Closed", Strings("$a.State").Single());
            Assert.Equal(0, Count("Get-ZkSession"));
        }
    }
}
