using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>
    /// Start-ZkEmulator offers every option of the console host (ZkSync.Emulator --help), with the host's defaults: no
    /// idle close and no session limit, as firmware.
    /// </summary>
    public sealed class StartEmulatorOptionTests : DeviceTestBase
    {
        public StartEmulatorOptionTests(ModuleFixture fixture) : base(fixture) { }

        [Fact]
        public void Defaults_keep_idle_connections_and_do_not_limit_sessions()
        {
            Assert.Equal(
                new[] { "00:00:00", "0", "True", "True", "False", "None", "1", "True", "False", "False" },
                Strings("$o = (Start-ZkEmulator).Options; $o.IdleTimeout; $o.MaxSessions; " +
                        "$o.OrphanSessionTimeout -eq [System.Threading.Timeout]::InfiniteTimeSpan; " +
                        "$null -eq $o.UnauthOnConnect; $o.AnswerConnectWith6001; $o.DeviceTiming; $o.TimeScale; " +
                        "$null -eq $o.Faults; $o.StrictRefusals; $o.FreeSessionOnDisconnect"));
        }

        [Fact]
        public void Every_host_option_reaches_the_emulator()
        {
            string[] values = Strings(
                "$o = (Start-ZkEmulator -Profile face -IdleTimeoutSeconds 90 -MaxSessions 3 -OrphanSlotSeconds 30 " +
                "-FreeSessionOnDisconnect " +
                "-UnauthOnConnect:$false -PhotoFamily File -MaxFaceCount 2 -FingerprintCapacity 500 " +
                "-ChunkGapMilliseconds 20 -LatencyMilliseconds 1.5 -BytesPerSecond 100000 -DeviceTiming Requests " +
                "-TimeScale 50 -Fault @{ ErrorCommand = 151; Seed = 4 }).Options; " +
                "$o.IdleTimeout.TotalSeconds; $o.MaxSessions; $o.OrphanSessionTimeout.TotalSeconds; " +
                "$o.UnauthOnConnect; $o.PhotoFamily; $o.MaxFaceCount; $o.FingerprintCapacity; " +
                "$o.LargeDataPacketGap.TotalMilliseconds; $o.LinkTurnaroundMs; $o.LinkBytesPerSecond; " +
                "$o.DeviceTiming; $o.TimeScale; $o.Faults.ErrorCommand; $o.Faults.Seed; $o.FreeSessionOnDisconnect");
            Assert.Equal(
                new[] { "90", "3", "30", "False", "File", "2", "500", "20", "1.5", "100000", "Requests", "50", "151",
                        "4", "True" },
                values);
        }

        [Fact]
        public void Unauth_on_connect_can_be_forced_on_a_tft_profile_and_connect_still_works()
        {
            Assert.Equal(new[] { "True", "Open" }, Strings(
                "$emu = Start-ZkEmulator -UnauthOnConnect; $emu.Options.UnauthOnConnect; " +
                "($emu | Connect-ZkDevice -Timeout 3).State"));
        }

        [Fact]
        public void Answer_connect_with_6001_makes_connect_fail_with_HandshakeNotSupported()
        {
            PsResult result = Ps.Run("Start-ZkEmulator -AnswerConnectWith6001 | Connect-ZkDevice -Timeout 3");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ZkSync.HandshakeNotSupported,", error.FullyQualifiedErrorId);
        }

        [Fact]
        public void StrictRefusals_is_opt_in_and_SilentDrops_is_still_accepted_as_the_default()
        {
            Assert.Equal(new[] { "True", "False" }, Strings(
                "(Start-ZkEmulator -StrictRefusals).Options.StrictRefusals; " +
                "(Start-ZkEmulator -SilentDrops).Options.StrictRefusals"));
            PsResult both = Ps.Run("Start-ZkEmulator -SilentDrops -StrictRefusals");
            ErrorRecord error = Assert.Single(both.Errors);
            Assert.StartsWith("ZkSync.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Contains("-StrictRefusals", error.Exception.Message);
        }

        [Fact]
        public void A_bad_fault_is_refused_naming_it()
        {
            PsResult result = Ps.Run("Start-ZkEmulator -Fault @{ UdpDropRate = 2 }");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Contains("UdpDropRate", error.Exception.Message);
        }
    }
}
