using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Test-ZkDevice against emulators, a closed loopback port and a wrong key.</summary>
    public sealed class TestZkDeviceTests : JournalDeviceTestBase
    {
        public TestZkDeviceTests(ModuleFixture fixture)
            : base(fixture) { }

        private static T Get<T>(PSObject o, string property) => (T)o.Properties[property].Value;

        private static List<string> Problems(PSObject o) =>
            ((IEnumerable<string>)o.Properties["Problems"].Value).ToList();

        [Fact]
        public void A_healthy_session_reports_identity_clock_lock_state_and_capacity()
        {
            Device("a", users: 5);
            PSObject health = Ok("$a | Test-ZkDevice").Output.Single();
            Assert.True(Get<bool>(health, "Healthy"), string.Join("; ", Problems(health)));
            Assert.Equal(
                (true, true, true),
                (
                    Get<bool>(health, "Reachable"),
                    Get<bool?>(health, "CommKeyAccepted") == true,
                    Get<bool?>(health, "Enabled") == true
                )
            );
            Assert.Equal(Strings("$a.SerialNumber").Single(), Get<string>(health, "SerialNumber"));
            Assert.False(string.IsNullOrEmpty(Get<string>(health, "FirmwareVersion")));
            Assert.True(Math.Abs(Get<TimeSpan?>(health, "ClockDrift")!.Value.TotalSeconds) <= 2);
            Assert.Equal(
                new[] { "Users 5" },
                Strings(
                    "($a | Test-ZkDevice).Capacity | Where-Object Kind -eq Users | ForEach-Object { $_.Kind + ' ' + "
                        + "$_.Used }"
                )
            );
            Assert.Null(Get<DateTime?>(health, "LastSuccessfulSync"));
        }

        [Fact]
        public void A_device_left_disabled_a_drifting_clock_and_a_full_device_are_problems()
        {
            Ok("$full = Start-ZkEmulator -Users 9 -UserCapacity 10 | Connect-ZkDevice -Timeout 3");
            Ok(
                "Disable-ZkDevice -Session $full; Set-ZkDeviceTime -Session $full -Time "
                    + "([DateTime]::Now.AddMinutes(5)) -Confirm:$false"
            );
            PSObject health = Ok("$full | Test-ZkDevice -CapacityWarningPercent 80 -MaxClockDriftSeconds 120")
                .Output.Single();
            Assert.False(Get<bool>(health, "Healthy"));
            Assert.Equal(false, Get<bool?>(health, "Enabled"));
            Assert.InRange(Get<TimeSpan?>(health, "ClockDrift")!.Value.TotalSeconds, 295, 305);
            List<string> problems = Problems(health);
            Assert.Contains(problems, p => p.Contains("left disabled"));
            Assert.Contains(problems, p =>
                p.StartsWith("clock is 29", StringComparison.Ordinal)
                || p.StartsWith("clock is 30", StringComparison.Ordinal)
            );
            Assert.Contains(problems, p => p.StartsWith("Users at 90", StringComparison.Ordinal));
            Ok("Enable-ZkDevice -Session $full");
        }

        [Fact]
        public void Inventory_rows_give_one_object_each_for_healthy_unreachable_and_wrong_key_devices()
        {
            PsResult result = Ps.Run(@"
                $good = Start-ZkEmulator -CommKey 2468 -Transport Tcp
                $udp = Start-ZkEmulator -CommKey 2468 -Transport Udp
                $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
                $listener.Start()
                $closedPort = $listener.LocalEndpoint.Port; $listener.Stop()
                $rows = @(
                    [pscustomobject]@{ IPAddress = '127.0.0.1'; Port = $good.Port; Protocol = 'Tcp'; CommKey = '2468' }
                    [pscustomobject]@{ IPAddress = '127.0.0.1'; Port = $closedPort; Protocol = 'Tcp'; CommKey = '2468' }
                    [pscustomobject]@{ IPAddress = '127.0.0.1'; Port = $good.Port; Protocol = 'Tcp'; CommKey = '1357' }
                    [pscustomobject]@{ IPAddress = '127.0.0.1'; Port = $udp.Port; Protocol = 'Udp'; CommKey = '2468' }
                )
                $rows | Test-ZkDevice -Timeout 1
                $rows | Test-ZkDevice -Timeout 1 -Quiet");
            Assert.Empty(result.Errors);
            Assert.Null(result.Terminating);
            var health = result.Output.Take(4).ToList();
            Assert.Equal((true, true), (Get<bool>(health[0], "Healthy"), Get<bool>(health[0], "Reachable")));
            Assert.Equal("Tcp", Get<string>(health[0], "Transport"));
            Assert.Equal(
                (false, (bool?)null),
                (Get<bool>(health[1], "Reachable"), Get<bool?>(health[1], "CommKeyAccepted"))
            );
            Assert.StartsWith("unreachable", Problems(health[1]).Single());
            Assert.Equal(
                (true, (bool?)false),
                (Get<bool>(health[2], "Reachable"), Get<bool?>(health[2], "CommKeyAccepted"))
            );
            Assert.StartsWith("comm key rejected", Problems(health[2]).Single());
            Assert.Equal(("Udp", true), (Get<string>(health[3], "Transport"), Get<bool>(health[3], "Healthy")));
            Assert.Equal(new object[] { true, false, false, true }, result.Output.Skip(4).Select(o => o.BaseObject));
            Assert.Equal(0, Count("Get-ZkSession"));
        }

        [Fact]
        public void The_last_successful_and_failed_syncs_come_from_theJournalFolder()
        {
            Device("a", users: 1);
            Device("b");
            Device("bw", "bw");
            Ok("$null = New-ZkUser -Session $a -UserId 'X1' -Name 'Letters'");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $b, $bw");

            PSObject b = Ok("$b | Test-ZkDevice").Output.Single();
            Assert.NotNull(Get<DateTime?>(b, "LastSuccessfulSync"));
            Assert.Null(Get<DateTime?>(b, "LastFailedSync"));
            Assert.True(Get<bool>(b, "Healthy"));
            PSObject bw = Ok("$bw | Test-ZkDevice").Output.Single();
            Assert.NotNull(Get<DateTime?>(bw, "LastFailedSync"));
            Assert.Contains(Problems(bw), p => p.StartsWith("the last sync to it failed", StringComparison.Ordinal));
        }
    }
}
