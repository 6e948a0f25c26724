using System;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Connect/Get/Disconnect against emulators (needs the engine and the emulator).</summary>
    public sealed class SessionDeviceTests : DeviceTestBase
    {
        public SessionDeviceTests(ModuleFixture fixture)
            : base(fixture) { }

        [Fact]
        public void Emulator_output_pipes_into_Connect_and_the_session_becomes_current()
        {
            PsResult result = Ok(
                "$emu = Start-ZkEmulator -Users 2; $s = $emu | Connect-ZkDevice; $s.State; $s.Device -eq $emu.Device; "
                    + "(Get-ZkSession -Current).Id -eq $s.Id; $s.SerialNumber"
            );
            Assert.Equal("Open", result.Output[0].ToString());
            Assert.True((bool)result.Output[1].BaseObject);
            Assert.True((bool)result.Output[2].BaseObject);
            Assert.False(string.IsNullOrEmpty(result.Output[3].ToString()));
        }

        [Fact]
        public void The_right_comm_key_connects_and_a_wrong_one_fails_with_AuthenticationFailed()
        {
            Ok("$emu = Start-ZkEmulator -CommKey 4321");
            Assert.Equal("Open", Strings("($emu | Connect-ZkDevice -CommKey 4321).State").Single());

            int before = Count("Get-ZkSession");
            PsResult wrong = Ps.Run("$emu | Connect-ZkDevice -CommKey 1234");
            ErrorRecord error = Assert.Single(wrong.Errors);
            Assert.StartsWith("ZkSync.AuthenticationFailed,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Equal(Strings("$emu.Device").Single(), error.TargetObject);
            Assert.Empty(wrong.Output);
            Assert.Equal(before, Count("Get-ZkSession"));
        }

        [Fact]
        public void A_closed_port_fails_with_ConnectFailed_and_the_next_device_still_connects()
        {
            PsResult result = Ps.Run(@"
                $good = Start-ZkEmulator
                $gone = Start-ZkEmulator; $closedPort = $gone.Port; $gone | Stop-ZkEmulator
                @(
                    [pscustomobject]@{ IPAddress = '127.0.0.1'; Port = $closedPort; Protocol = 'Tcp' }
                    [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $good.Port; Protocol = 'Tcp' }
                ) | Connect-ZkDevice -Timeout 1");
            Assert.StartsWith("ZkSync.ConnectFailed,", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, result.Errors[0].CategoryInfo.Category);
            Assert.Single(result.Output);
        }

        [Fact]
        public void The_comm_key_appears_in_no_output_property_or_verbose_message()
        {
            PsResult result = Ok(
                "$s = Start-ZkEmulator -CommKey 424242 | Connect-ZkDevice -CommKey 424242 -Verbose; "
                    + "$s.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" }"
            );
            Assert.NotEmpty(result.Verbose);
            Assert.DoesNotContain(result.Verbose, v => v.Message.Contains("424242"));
            Assert.DoesNotContain(result.Output, o => o.ToString()!.Contains("424242"));
        }

        [Fact]
        public void Engine_log_lines_reach_the_verbose_stream()
        {
            PsResult result = Ok("$emu = Start-ZkEmulator; $emu | Connect-ZkDevice -Verbose");
            string device = Strings("$emu.Device").Single();
            // Lines the engine logged on its socket threads, relayed by the cmdlet on the pipeline thread.
            Assert.Contains(result.Verbose, v => v.Message.StartsWith(device + "/", StringComparison.Ordinal));
        }

        [Fact]
        public void Udp_only_devices_connect_over_udp()
        {
            Assert.Equal(
                "Udp",
                Strings("(Start-ZkEmulator -Transport Udp | Connect-ZkDevice -Timeout 2).Transport").Single()
            );
        }

        [Fact]
        public void Disconnect_closes_piped_sessions_and_a_closed_session_reports_SessionClosed()
        {
            Device("a");
            Device("b");
            Assert.Equal(2, Count("Get-ZkSession"));
            Ok("Get-ZkSession | Disconnect-ZkDevice");
            Assert.Equal(0, Count("Get-ZkSession"));
            Assert.Equal("Closed", Strings("$a.State").Single());
            PsResult stale = Ps.Run("Get-ZkUser -Session $a");
            Assert.Equal("ZkSync.SessionClosed", Assert.Single(stale.ErrorIds));
        }

        [Fact]
        public void Disconnecting_the_current_session_makes_the_previous_one_current()
        {
            Device("a");
            Device("b");
            Ok("Disconnect-ZkDevice");
            Assert.True((bool)Ok("(Get-ZkSession -Current).Id -eq $a.Id").Output.Single().BaseObject);
        }

        [Fact]
        public void Removing_the_module_closes_sessions_and_stops_emulators()
        {
            using var host = new PsHost();
            host.Run(
                    "$emu = Start-ZkEmulator; $s = $emu | Connect-ZkDevice; $other = Start-ZkEmulator; $t = $other | "
                        + "Connect-ZkDevice"
                )
                .ShouldSucceed();
            host.Run("Disconnect-ZkDevice -Session $t").ShouldSucceed();
            // disconnecting frees the device's slot
            Assert.Equal("0", host.Run("$other.OpenSessions").Output.Single().ToString());
            Assert.Equal("1", host.Run("$emu.OpenSessions").Output.Single().ToString());
            host.Run("Remove-Module ZkSync").ShouldSucceed();
            Assert.Equal("Closed", host.Run("$s.State").Output.Single().ToString());
            Assert.Equal("Stopped", host.Run("$emu.State").Output.Single().ToString());

            host.Run($"Import-Module '{RepoPaths.StagedManifest}'").ShouldSucceed();
            PsResult again = host.Run("Connect-ZkDevice -IPAddress 127.0.0.1 -Port $emu.Port -Protocol Tcp -Timeout 1");
            Assert.Equal("ZkSync.ConnectFailed", Assert.Single(again.ErrorIds));
        }

        [Fact]
        public void Sessions_are_kept_per_runspace()
        {
            Device("a");
            using var other = new PsHost();
            Assert.Empty(other.Run("Get-ZkSession").Output);
        }
    }
}
