using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>
    /// A terminal has a few session slots; one left by a client without CMD_EXIT stays taken until the terminal drops
    /// it. ZkSync names a full device clearly, and every way a session ends says CMD_EXIT: Disconnect-ZkDevice,
    /// Remove-Module, runspace close, Ctrl+C mid-sync, process exit.
    /// </summary>
    public sealed class SessionSlotDeviceTests : DeviceTestBase
    {
        public SessionSlotDeviceTests(ModuleFixture fixture) : base(fixture) { }

        private static long Exits(PSObject emulator) =>
            Convert.ToInt64(emulator.Properties["SessionsEndedByExit"].Value, CultureInfo.InvariantCulture);

        /// <summary>
        /// The emulator counts a CMD_EXIT when its own thread has handled it; on a loaded machine that can come after
        /// the client stopped waiting for the answer, so wait (bounded, <see cref="DeviceTestBase.Until"/>) for the
        /// count the test expects, then check it is exactly that.
        /// </summary>
        private static long ExitsReaching(PSObject emulator, long expected)
        {
            Until(() => Exits(emulator) >= expected, $"the emulator counted {expected} CMD_EXIT");
            return Exits(emulator);
        }

        [Fact]
        public void Connect_to_a_device_with_every_slot_taken_fails_with_SessionSlotsFull_saying_what_to_do()
        {
            Ok("$emu = Start-ZkEmulator -MaxSessions 1; $first = $emu | Connect-ZkDevice -Timeout 3");
            PsResult full = Ps.Run("$emu | Connect-ZkDevice -Timeout 3");
            ErrorRecord error = Assert.Single(full.Errors);
            Assert.StartsWith("ZkSync.SessionSlotsFull,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
            Assert.Contains("session slots are taken", error.Exception.Message);
            Assert.Contains("Disconnect-ZkDevice", error.Exception.Message);

            // Disconnecting the first frees the slot at once (CMD_EXIT).
            Ok("Disconnect-ZkDevice -Session $first");
            Assert.Equal(1L, ExitsReaching(Ok("$emu").Output.Single(), 1));
            Assert.Equal("Open", Strings("($emu | Connect-ZkDevice -Timeout 3).State").Single());
        }

        [Fact]
        public void Remove_Module_says_exit_for_every_open_session()
        {
            using var ps = new PsHost();
            PSObject emu = Single(
                ps,
                "$emu = Start-ZkEmulator; $null = $emu | Connect-ZkDevice -Timeout 3; $null = $emu | Connect-ZkDevice "
                    + "-Timeout 3; $emu"
            );
            Succeed(ps, "Remove-Module ZkSync");
            Assert.Equal(2L, ExitsReaching(emu, 2));
        }

        [Fact]
        public void Closing_the_runspace_says_exit_for_every_open_session()
        {
            PSObject emu;
            using (var ps = new PsHost())
            {
                emu = Single(ps, "$emu = Start-ZkEmulator; $null = $emu | Connect-ZkDevice -Timeout 3; $emu");
            }
            Assert.Equal(1L, ExitsReaching(emu, 1));
        }

        [Fact]
        public void Stopping_a_sync_midway_leaves_no_session_without_exit_and_the_sessions_still_work()
        {
            Ok(
                "$emuOfA = Start-ZkEmulator -Profile face -Users 80; $a = $emuOfA | Connect-ZkDevice -Timeout 3; "
                    + "$emuOfB = Start-ZkEmulator -Profile face; $b = $emuOfB | Connect-ZkDevice -Timeout 3"
            );
            PSObject emulatorB = Ok("$emuOfB").Output.Single();
            using var ps = System.Management.Automation.PowerShell.Create(Ps.Runspace);
            ps.AddScript("Sync-ZkDevice -Source $a -Destination $b");
            IAsyncResult running = ps.BeginInvoke();
            Until(
                () => (bool)emulatorB.Properties["DeviceDisabled"].Value || running.IsCompleted,
                "the sync never started writing"
            );
            ps.Stop();
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));

            // Whatever the stop cut, no session was left behind without CMD_EXIT, and both sessions carry on
            // afterwards.
            Assert.False((bool)emulatorB.Properties["DeviceDisabled"].Value);
            Assert.Equal(80, Count("Get-ZkUser -Session $a"));
            Assert.True(Count("Get-ZkUser -Session $b") >= 0);
            Ok("Disconnect-ZkDevice -Session $a; Disconnect-ZkDevice -Session $b");
            foreach (string name in new[] { "emuOfA", "emuOfB" })
            {
                PSObject emulator = Ok("$" + name).Output.Single();
                Until(
                    () => Convert.ToInt32(emulator.Properties["OpenSessions"].Value, CultureInfo.InvariantCulture) == 0,
                    $"{name} still has a session"
                );
                Assert.Equal(
                    0L,
                    Convert.ToInt64(emulator.Properties["SessionsLeftWithoutExit"].Value, CultureInfo.InvariantCulture)
                );
                Assert.True(Exits(emulator) >= 1);
            }
        }

        [Fact]
        public async Task Process_exit_without_disconnect_says_exit()
        {
            PSObject emu = Ok("$emu = Start-ZkEmulator; $emu").Output.Single();
            int port = Convert.ToInt32(emu.Properties["Port"].Value, CultureInfo.InvariantCulture);
            string script = Path.Combine(Path.GetTempPath(), $"zksync-exit-{Guid.NewGuid():N}.ps1");
            File.WriteAllText(
                script,
                $"Import-Module '{RepoPaths.StagedManifest}'\n"
                    + $"$null = Connect-ZkDevice 127.0.0.1 -Port {port} -Timeout 3\n"
                    + "[Environment]::Exit(0)\n"
            );
            try
            {
                string demoDll = Path.Combine(
                    RepoPaths.Root,
                    "src",
                    "ZkSync.Demo",
                    "bin",
                    BuildConfiguration(),
                    "net10.0",
                    "ZkSync.Demo.dll"
                );
                Assert.True(File.Exists(demoDll), $"script host not built at {demoDll}");
                var start = new ProcessStartInfo("dotnet")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    WorkingDirectory = RepoPaths.Root,
                };
                start.ArgumentList.Add(demoDll);
                start.ArgumentList.Add(script);
                using var process = Process.Start(start)!;
                var stderr = process.StandardError.ReadToEndAsync();
                _ = process.StandardOutput.ReadToEndAsync();
                if (!process.WaitForExit(60_000))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail("the script host did not exit within 60 s");
                }
                Assert.True(
                    process.ExitCode == 0,
                    $"script host exited {process.ExitCode}: {await stderr.WaitAsync(TimeSpan.FromSeconds(30))}"
                );
                Until(() => Exits(emu) == 1, "the process exited without CMD_EXIT");
            }
            finally
            {
                File.Delete(script);
            }
        }

        private static PSObject Single(PsHost ps, string script)
        {
            PsResult result = ps.Run(script);
            result.ShouldSucceed();
            return result.Output.Single();
        }

        private static void Succeed(PsHost ps, string script) => ps.Run(script).ShouldSucceed();

        private static string BuildConfiguration() =>
            AppContext.BaseDirectory.Contains(
                $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal
            )
                ? "Release"
                : "Debug";
    }
}
