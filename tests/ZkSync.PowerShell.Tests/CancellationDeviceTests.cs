using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Ctrl+C (PowerShell.Stop) ends a long read cleanly (needs the engine and the emulator).</summary>
    public sealed class CancellationDeviceTests : DeviceTestBase
    {
        public CancellationDeviceTests(ModuleFixture fixture) : base(fixture) { }

        [Fact]
        public void Stopping_a_long_read_stops_the_pipeline_and_the_device_stays_usable()
        {
            Ok("$emuOfA = Start-ZkEmulator -Profile face -Users 60; $a = $emuOfA | Connect-ZkDevice -Timeout 3");
            using var firstProgress = new ManualResetEventSlim();
            using var ps = System.Management.Automation.PowerShell.Create(Ps.Runspace);
            ps.AddScript("Get-ZkFaceTemplate -Session $a");
            ps.Streams.Progress.DataAdded += (_, _) => firstProgress.Set();

            var output = new PSDataCollection<PSObject>();
            IAsyncResult running = ps.BeginInvoke<PSObject, PSObject>(null, output);
            Assert.True(firstProgress.Wait(TimeSpan.FromSeconds(30)), "no progress was reported");
            ps.Stop();
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);

            // The emulator and a fresh session still work: nothing was left half-done on the device side.
            Assert.Equal(60, Count("Get-ZkUser -Session ($emuOfA | Connect-ZkDevice -Timeout 3)"));
        }

        [Fact]
        public void Stopping_a_sync_while_it_writes_leaves_the_destination_enabled()
        {
            Ok(
                "$a = Start-ZkEmulator -Profile face -Users 80 | Connect-ZkDevice -Timeout 3; $emuOfB = "
                    + "Start-ZkEmulator -Profile face; $b = $emuOfB | Connect-ZkDevice -Timeout 3"
            );
            PSObject emulator = Ok("$emuOfB").Output.Single();
            bool Disabled() => (bool)emulator.Properties["DeviceDisabled"].Value;
            using var ps = System.Management.Automation.PowerShell.Create(Ps.Runspace);
            ps.AddScript("Sync-ZkDevice -Source $a -Destination $b");

            IAsyncResult running = ps.BeginInvoke();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!Disabled() && !running.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(1);
            Assert.True(Disabled(), "the sync never disabled the destination");
            ps.Stop();

            // Stopped, not finished: a run that had ended would not throw.
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
            Assert.False(Disabled());
        }
    }
}
