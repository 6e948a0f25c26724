using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>
    /// Terminals close a TCP connection after about 8 s of silence. An admin connects, waits, then runs any cmdlet: it must
    /// just work (the engine reconnects, re-authenticates, restores the session, says so in -Verbose). Here the emulators
    /// close after 0.2 s, so every cmdlet meets a connection the device has already closed.
    /// </summary>
    public sealed class IdleSessionDeviceTests : DeviceTestBase
    {
        private const int IdleMs = 200;
        private const int WaitMs = 500;

        public IdleSessionDeviceTests(ModuleFixture fixture) : base(fixture) { }

        private long IdleCloses(string emulator) => Convert.ToInt64(Ok($"${emulator}.IdleCloses").Output.Single().BaseObject);

        private int OpenSessions() => Convert.ToInt32(Ok("$emuOfA.OpenSessions + $emuOfB.OpenSessions").Output.Single().BaseObject);

        [Fact]
        public void Every_cmdlet_works_on_a_session_the_device_closed_for_idleness()
        {
            string dir = Directory.CreateTempSubdirectory("zksync-idle-").FullName;
            try
            {
                Ok($"$emuOfA = Start-ZkEmulator -Profile face -Users 6 -IdleTimeoutSeconds {IdleMs / 1000.0}; $a = $emuOfA | Connect-ZkDevice -Timeout 3; " +
                   $"$emuOfB = Start-ZkEmulator -Profile face -IdleTimeoutSeconds {IdleMs / 1000.0}; $b = $emuOfB | Connect-ZkDevice -Timeout 3");
                string backup = Path.Combine(dir, "a.zksync");
                string photos = Path.Combine(dir, "photos");
                Directory.CreateDirectory(photos);
                string[] steps =
                {
                    "Get-ZkUser -Session $a",
                    "Get-ZkDeviceInfo -Session $a",
                    "Get-ZkDeviceTime -Session $a",
                    "Set-ZkDeviceTime -Session $a -Time '2021-06-15 10:30:00'",
                    "Get-ZkAttendanceLog -Session $a",
                    "Get-ZkFingerprint -Session $a",
                    "Get-ZkFaceTemplate -Session $a",
                    $"Get-ZkUserPhoto -Session $a -OutDirectory '{photos}'",
                    "New-ZkUser -Session $a -UserId 'I1' -Name 'Idle one'",
                    "Get-ZkUser -Session $a -UserId 'I1' | Set-ZkUser -Name 'Idle two'",
                    "Remove-ZkUser -Session $a -UserId 'I1' -Confirm:$false",
                    "Disable-ZkDevice -Session $a",
                    "Enable-ZkDevice -Session $a",
                    "Compare-ZkDevice -Reference $a -Difference $b",
                    "Copy-ZkUser -Source $a -Destination $b -Include Users",
                    "Copy-ZkFingerprint -Source $a -Destination $b",
                    "Copy-ZkFaceTemplate -Source $a -Destination $b -WarningAction SilentlyContinue",
                    "Copy-ZkUserPhoto -Source $a -Destination $b",
                    "Sync-ZkDevice -Source $a -Destination $b",
                    $"Export-ZkDevice -Session $a -Path '{backup}'",
                    $"Import-ZkDevice -Path '{backup}' -Destination $b",
                    "@(Get-ZkFingerprint -Session $b)[0] | Remove-ZkFingerprint -Confirm:$false",
                    "@(Get-ZkFaceTemplate -Session $b)[0] | Remove-ZkFaceTemplate -Confirm:$false",
                    $"Get-ZkUserPhoto -Session $a -OutDirectory '{photos}' | Set-ZkUserPhoto -Session $b",
                    "Remove-ZkUserPhoto -Session $b -UserId @(Get-ZkUserPhoto -Session $b)[0].UserId -Confirm:$false",
                    "Clear-ZkAttendanceLog -Session $a -Confirm:$false",
                    "Get-ZkSession | Get-ZkDeviceInfo",
                    "Restart-ZkDevice -Session $a -Confirm:$false",
                };
                foreach (string step in steps)
                {
                    System.Threading.Thread.Sleep(WaitMs);
                    // Both devices have closed every connection: the step starts on sessions whose connections are gone.
                    Assert.True(OpenSessions() == 0, $"a connection was still open before: {step}");
                    PsResult result = Ps.Run(step);
                    Assert.True(!result.AllErrors.Any(), $"{step} failed after an idle close: {string.Join("; ", result.AllErrors.Select(e => e.ToString()))}");
                }

                Assert.True(IdleCloses("emuOfA") >= steps.Length / 2, "the device closed fewer idle connections than expected");

                // The devices are left enabled; $b is still usable ($a ended with Restart-ZkDevice, which closes it on purpose).
                Assert.False((bool)Ok("$emuOfA.DeviceDisabled").Output.Single().BaseObject);
                Assert.False((bool)Ok("$emuOfB.DeviceDisabled").Output.Single().BaseObject);
                Assert.Equal("Open", Strings("$b.State").Single());
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }

        [Fact]
        public void Verbose_says_the_device_closed_the_idle_connection_and_the_session_was_rebuilt()
        {
            Ok($"$emuOfA = Start-ZkEmulator -Profile face -Users 3 -IdleTimeoutSeconds {IdleMs / 1000.0}; $a = $emuOfA | Connect-ZkDevice -Timeout 3");
            System.Threading.Thread.Sleep(WaitMs);
            PsResult result = Ok("Get-ZkUser -Session $a -Verbose");
            Assert.Equal(3, result.Output.Count);
            Assert.Contains(result.Verbose, v => v.Message.Contains("closed the connection after") && v.Message.Contains("reconnecting"));
            Assert.Contains(result.Verbose, v => v.Message.Contains("reconnected"));
        }

        [Fact]
        public void A_disabled_device_is_disabled_again_after_the_idle_reconnect()
        {
            Ok($"$emuOfA = Start-ZkEmulator -Profile face -Users 3 -IdleTimeoutSeconds {IdleMs / 1000.0}; $a = $emuOfA | Connect-ZkDevice -Timeout 3; Disable-ZkDevice -Session $a");
            System.Threading.Thread.Sleep(WaitMs);
            // The last session went away with the idle close, so the terminal enabled itself; the next write restores it.
            Assert.False((bool)Ok("$emuOfA.DeviceDisabled").Output.Single().BaseObject);
            Ok("New-ZkUser -Session $a -UserId 'D1' -Name 'While disabled'");
            Assert.True((bool)Ok("$emuOfA.DeviceDisabled").Output.Single().BaseObject);
            Ok("Enable-ZkDevice -Session $a");
        }
    }
}
