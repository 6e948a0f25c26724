using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>
    /// A NAT or firewall idle timeout closes a silent TCP connection. An admin connects, waits, then runs any cmdlet:
    /// it must just work (the engine reconnects, re-authenticates, restores the session, says so in -Verbose). Here the
    /// emulators close after 0.5 s, so every cmdlet meets a connection the device has already closed.
    /// </summary>
    public sealed class IdleSessionDeviceTests : DeviceTestBase
    {
        /// <summary>Long enough that a loaded CI machine does not pause that long inside one cmdlet's
        /// exchange.</summary>
        private const int IdleMs = 500;

        public IdleSessionDeviceTests(ModuleFixture fixture)
            : base(fixture) { }

        private long IdleCloses(string emulator) =>
            Convert.ToInt64(Ok($"${emulator}.IdleCloses").Output.Single().BaseObject, CultureInfo.InvariantCulture);

        private int OpenSessions(string emulators) =>
            Convert.ToInt32(Ok(emulators).Output.Single().BaseObject, CultureInfo.InvariantCulture);

        /// <summary>Waits (at most 10 s) until the devices have closed every connection for idleness.</summary>
        private void WaitForIdleClose(string what, string emulators = "$emuOfA.OpenSessions + $emuOfB.OpenSessions")
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (OpenSessions(emulators) != 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"a connection was still open before: {what}");
                System.Threading.Thread.Sleep(50);
            }
        }

        [Fact]
        public void Every_cmdlet_works_on_a_session_the_device_closed_for_idleness()
        {
            string dir = Directory.CreateTempSubdirectory("zksync-idle-").FullName;
            try
            {
                Ok(
                    $"$emuOfA = Start-ZkEmulator -Profile face -Users 6 -IdleTimeoutSeconds {IdleMs / 1000.0}; $a = "
                        + "$emuOfA | Connect-ZkDevice -Timeout 3; "
                        + $"$emuOfB = Start-ZkEmulator -Profile face -IdleTimeoutSeconds {IdleMs / 1000.0}; $b = "
                            + "$emuOfB | Connect-ZkDevice -Timeout 3"
                );
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
                    // Both devices have closed every connection: the step starts on sessions whose connections are
                    // gone.
                    WaitForIdleClose(step);
                    PsResult result = Ps.Run(step);
                    Assert.True(
                        !result.AllErrors.Any(),
                        $"{step} failed after an idle close: "
                            + $"{string.Join("; ", result.AllErrors.Select(e => e.ToString()))}"
                    );
                }

                Assert.True(
                    IdleCloses("emuOfA") >= steps.Length / 2,
                    "the device closed fewer idle connections than expected"
                );

                // The devices are left enabled; $b is still usable ($a ended with Restart-ZkDevice, which closes it on
                // purpose).
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
            Ok(
                $"$emuOfA = Start-ZkEmulator -Profile face -Users 3 -IdleTimeoutSeconds {IdleMs / 1000.0}; $a = "
                    + "$emuOfA | Connect-ZkDevice -Timeout 3"
            );
            WaitForIdleClose("Get-ZkUser -Verbose", "$emuOfA.OpenSessions");
            PsResult result = Ok("Get-ZkUser -Session $a -Verbose");
            Assert.Equal(3, result.Output.Count);
            Assert.Contains(result.Verbose, v =>
                v.Message.Contains("was closed after") && v.Message.Contains("reconnecting")
            );
            Assert.Contains(result.Verbose, v => v.Message.Contains("reconnected"));
        }

        [Fact]
        public void A_disabled_device_is_disabled_again_after_the_idle_reconnect()
        {
            Ok(
                $"$emuOfA = Start-ZkEmulator -Profile face -Users 3 -IdleTimeoutSeconds {IdleMs / 1000.0}; $a = "
                    + "$emuOfA | Connect-ZkDevice -Timeout 3; Disable-ZkDevice -Session $a"
            );
            WaitForIdleClose("New-ZkUser", "$emuOfA.OpenSessions");
            // The last session went away with the idle close, so the terminal enabled itself; the next write restores
            // it.
            Assert.False((bool)Ok("$emuOfA.DeviceDisabled").Output.Single().BaseObject);
            Ok("New-ZkUser -Session $a -UserId 'D1' -Name 'While disabled'");
            Assert.True((bool)Ok("$emuOfA.DeviceDisabled").Output.Single().BaseObject);
            Ok("Enable-ZkDevice -Session $a");
        }

        [Fact]
        public void A_ThrottleLimit_1_sync_completes_though_the_devices_close_idle_connections_before_and_during_it()
        {
            // 0.5 s: long enough that a loaded machine still gets from CONNECT to AUTH, short enough to wait out. Every
            // connection is closed by its device before the sync (as an admin's sessions are after a pause), so each
            // device closes at least one idle connection whatever the machine's speed; during the sync the source
            // idles while destinations write and the second destination waits for the first.
            const string idle = "0.5";
            Ok(
                $"$emuOfA = Start-ZkEmulator -Profile face -Users 40 -IdleTimeoutSeconds {idle}; $a = $emuOfA | "
                    + "Connect-ZkDevice -Timeout 3; "
                    + $"$emuOfB = Start-ZkEmulator -Profile face -IdleTimeoutSeconds {idle}; $b = $emuOfB | "
                        + "Connect-ZkDevice -Timeout 3; "
                    + $"$emuOfC = Start-ZkEmulator -Profile face -IdleTimeoutSeconds {idle}; $c = $emuOfC | "
                        + "Connect-ZkDevice -Timeout 3"
            );
            Until(
                () => IdleCloses("emuOfA") >= 1 && IdleCloses("emuOfB") >= 1 && IdleCloses("emuOfC") >= 1,
                "a device never closed an idle connection"
            );
            PsResult sync = Ok("Sync-ZkDevice -Source $a -Destination $b, $c -ThrottleLimit 1");
            Assert.Empty(sync.AllErrors);
            foreach (string s in new[] { "$b", "$c" })
            {
                Assert.Equal(40, Count($"Get-ZkUser -Session {s}"));
                Assert.Equal(
                    "Equal",
                    Strings(
                            $"Compare-ZkDevice -Reference $a -Difference {s} | ForEach-Object {{ $_.Status.ToString() "
                                + "}"
                        )
                        .Distinct()
                        .Single()
                );
            }
            Assert.False((bool)Ok("$emuOfB.DeviceDisabled -or $emuOfC.DeviceDisabled").Output.Single().BaseObject);
        }
    }
}
