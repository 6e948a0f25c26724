using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>The run journal as the changing commands write it and Get-ZkSyncHistory reads it.</summary>
    public sealed class JournalTests : JournalDeviceTestBase
    {
        public JournalTests(ModuleFixture fixture)
            : base(fixture) { }

        private string[] JournalLines() =>
            Directory.Exists(JournalFolder)
                ? Directory.GetFiles(JournalFolder, "*.jsonl").SelectMany(File.ReadAllLines).ToArray()
                : Array.Empty<string>();

        private static T Get<T>(PSObject record, string property) => (T)record.Properties[property].Value;

        [Fact]
        public void A_sync_writes_one_record_per_destination_with_counts_failures_serial_and_no_comm_key()
        {
            Ok("$a = Start-ZkEmulator -Users 2 -CommKey 731946 | Connect-ZkDevice -CommKey 731946 -Timeout 3");
            Ok("$null = New-ZkUser -Session $a -UserId 'A17' -Name 'Alexandria'");
            Ok("$bw = Start-ZkEmulator -Profile bw -CommKey 582064 | Connect-ZkDevice -CommKey 582064 -Timeout 3");
            Device("tft");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $bw, $tft -AllowTruncation");

            string[] lines = JournalLines();
            Assert.Equal(2, lines.Length);
            Assert.DoesNotContain(lines, l => l.Contains("731946") || l.Contains("582064"));

            List<PSObject> records = Ok("Get-ZkSyncHistory").Output;
            Assert.Equal(2, records.Count);
            PSObject bw = records.Single(r => Get<string>(r, "Destination") == Strings("$bw.Device").Single());
            Assert.Equal(
                ("Sync-ZkDevice", "Failed", 2, 1),
                (
                    Get<string>(bw, "Command"),
                    Get<object>(bw, "Status").ToString(),
                    Get<int>(bw, "Added"),
                    Get<int>(bw, "Failed")
                )
            );
            Assert.Equal(Strings("$a.Device").Single(), Get<string>(bw, "Source"));
            Assert.Equal(Strings("$bw.SerialNumber").Single(), Get<string>(bw, "SerialNumber"));
            Assert.True(Get<bool>(bw, "Verified"));
            Assert.False(Get<bool>(bw, "WhatIf"));
            Assert.True(Get<long>(bw, "BytesWritten") > 0);
            Assert.Equal(Environment.MachineName, Get<string>(bw, "ComputerName"));
            string failed = Assert.Single(
                Strings(
                    "(Get-ZkSyncHistory -Status Failed).FailedUsers | ForEach-Object { $_.UserId + ': ' + $_.Reason }"
                )
            );
            Assert.StartsWith("A17: ", failed);
            Assert.Contains("numeric", failed);
            PSObject tft = records.Single(r => r != bw);
            Assert.Equal(("Succeeded", 3), (Get<object>(tft, "Status").ToString(), Get<int>(tft, "Added")));
        }

        [Fact]
        public void Two_sessions_to_one_device_are_two_destinations_with_their_own_results_backups_and_records()
        {
            string backups = Path.Combine(JournalFolder, "backups");
            Device("a", users: 3);
            Ok("$emu = Start-ZkEmulator; $b1 = $emu | Connect-ZkDevice -Timeout 3");
            Ok("$b2 = $emu | Connect-ZkDevice -Timeout 3");
            Ok("$null = New-ZkUser -Session $b1 -UserId 777 -Name 'Extra'");

            // One at a time: the first session writes, the second then finds everything in place.
            PsResult run = Ok("Sync-ZkDevice -Source $a -Destination $b1, $b2 -ThrottleLimit 1 -Mirror -Force "
                + $"-BackupPath '{backups}' -Summary");

            List<PSObject> summaries = run.Output;
            Assert.Equal(2, summaries.Count);
            // The same device, shown the same way for both sessions...
            Assert.Single(summaries.Select(s => Get<string>(s, "Destination")).Distinct());
            // ...but each session has its own counts and its own backup, taken before it was changed.
            Assert.Equal(new[] { (3, 1, 0), (0, 0, 3) },
                summaries.Select(s => (Get<int>(s, "Added"), Get<int>(s, "Removed"), Get<int>(s, "Unchanged"))));
            string[] files = summaries.Select(s => Get<string>(s, "BackupPath")).ToArray();
            Assert.Equal(2, files.Distinct().Count());
            Assert.All(files, f => Assert.True(File.Exists(f), f));
            Assert.Equal(new[] { 0, 3 }, files.Select(f =>
                Count($"Compare-ZkDevice -ReferencePath '{f}' -Difference $b1 | Where-Object Status -eq 'Equal'")));

            List<PSObject> records = Ok("Get-ZkSyncHistory").Output;
            Assert.Equal(new[] { (0, 0, 3), (3, 1, 0) }, records
                .Select(r => (Get<int>(r, "Added"), Get<int>(r, "Removed"), Get<int>(r, "Unchanged"))).OrderBy(t => t));
            Assert.Equal(3, Count("Get-ZkUser -Session $b2"));
        }

        [Fact]
        public void WhatIf_runs_are_marked_and_NoVerify_is_recorded()
        {
            Device("a", users: 3);
            Device("b");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $b -WhatIf");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $b -NoVerify");

            List<PSObject> records = Ok("Get-ZkSyncHistory").Output;
            Assert.Equal(2, records.Count);
            Assert.True(Get<bool>(records[0], "WhatIf"));
            Assert.Equal(0L, Get<long>(records[0], "BytesWritten"));
            Assert.False(Get<bool>(records[1], "WhatIf"));
            Assert.False(Get<bool>(records[1], "Verified"));
            Assert.Equal(3, Get<int>(records[1], "Added"));
        }

        [Fact]
        public void A_device_not_re_enabled_is_a_warning_a_journal_field_and_a_Test_ZkDevice_finding()
        {
            Device("a", users: 2);
            Ok("$emu = Start-ZkEmulator; $b = $emu | Connect-ZkDevice -Timeout 1");
            // The emulator object behind Start-ZkEmulator answers CMD_ENABLEDEVICE with ACK_ERROR from now on.
            Ok(
                "$device = $emu.GetType().GetProperty('Emulator', "
                    + "[Reflection.BindingFlags]'NonPublic,Instance').GetValue($emu)\n"
                    + "$device.SetFaults([ZkSync.Emulator.Core.FaultOptions]@{ ErrorCommand = 1002 })"
            );

            PsResult run = Ps.Run("Sync-ZkDevice -Source $a -Destination $b");

            Assert.Contains(run.Warnings, w => w.Message.Contains("Could not re-enable", StringComparison.Ordinal));
            Assert.Contains(run.Errors, e =>
                e.Exception.Message.Contains("Could not re-enable", StringComparison.Ordinal)
            );
            PsResult record = Ok("Get-ZkSyncHistory");
            Assert.Contains("Could not re-enable", record.SingleProperty<string>("NotReEnabled"));
            Assert.False(record.SingleProperty<bool>("Verified"));
            Ok("$device.SetFaults($null)");
            string[] problems = Strings("(Test-ZkDevice -Session $b).Problems");
            Assert.Contains(problems, p => p.Contains("could not enable it again", StringComparison.Ordinal));
        }

        [Fact]
        public void Get_ZkSyncHistory_filters_by_device_status_time_and_count()
        {
            Device("a", users: 1);
            Device("b");
            Device("bw", "bw");
            Ok("$null = New-ZkUser -Session $a -UserId 'X1' -Name 'Letters'");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $b");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $bw");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $b");

            Assert.Equal(3, Count("Get-ZkSyncHistory"));
            Assert.Equal(2, Count("Get-ZkSyncHistory -Device $b.Device"));
            Assert.Equal(2, Count("$b | Get-ZkSyncHistory"));
            Assert.Equal(1, Count("Get-ZkSyncHistory -Device $bw.SerialNumber"));
            Assert.Equal(
                new[] { Strings("$bw.Device").Single() },
                Strings("Get-ZkSyncHistory -Status Failed | ForEach-Object Destination")
            );
            Assert.Equal(2, Count("Get-ZkSyncHistory -Status Succeeded"));
            Assert.Equal(
                new[] { Strings("$b.Device").Single() },
                Strings("Get-ZkSyncHistory -Last 1 | ForEach-Object Destination")
            );
            Assert.Equal(0, Count("Get-ZkSyncHistory -After ([DateTime]::Now.AddMinutes(1))"));
            Assert.Equal(0, Count("Get-ZkSyncHistory -Before ([DateTime]::Now.AddMinutes(-10))"));
            Assert.Equal(
                3,
                Count(
                    "Get-ZkSyncHistory -After ([DateTime]::Now.AddMinutes(-10)) -Before ([DateTime]::Now.AddMinutes(1))"
                )
            );
        }

        [Fact]
        public void Copy_and_Remove_commands_are_journaled_and_JournalPath_overrides_the_preference()
        {
            Device("a", users: 2);
            Device("b");
            string other = JournalFolder + "-other";
            try
            {
                Ps.Run("$null = Copy-ZkUser -Source $a -Destination $b -JournalPath $other", "other", other)
                    .ShouldSucceed();
                Ok("Get-ZkUser -Session $b | Remove-ZkUser -Confirm:$false");
                Ps.Run(
                        "Remove-ZkFingerprint -Session $a -UserId (Get-ZkUser -Session $a)[0].UserId -Confirm:$false "
                            + "-JournalPath $other",
                        "other",
                        other
                    )
                    .ShouldSucceed();
                Assert.Equal(
                    "Remove-ZkUser",
                    Assert.Single(Ok("Get-ZkSyncHistory").Output).Properties["Command"].Value
                );
                Assert.Equal(2, Ok("Get-ZkSyncHistory").SingleProperty<int>("Removed"));
                PsResult copy = Ps.Run("Get-ZkSyncHistory -JournalPath $other", "other", other);
                Assert.Equal(new[] { "Copy-ZkUser", "Remove-ZkFingerprint" }, copy.Values("Command"));
                Assert.Equal(2, (int)copy.Output[0].Properties["Added"].Value);
            }
            finally
            {
                if (Directory.Exists(other)) Directory.Delete(other, true);
            }
        }

        [Fact]
        public void Write_ZkSyncHistory_records_a_destination_a_script_could_not_reach_and_Test_ZkDevice_sees_it()
        {
            Ok(
                "Write-ZkSyncHistory -Destination '127.0.0.1:9' -Error 'unreachable: refused' -Source 'src:4370' "
                    + "-Command 'nightly-sync.ps1'"
            );
            PsResult record = Ok("Get-ZkSyncHistory -Device 127.0.0.1:9");
            Assert.Equal(
                ("Failed", "nightly-sync.ps1", "unreachable: refused", "src:4370"),
                (
                    record.SingleProperty<object>("Status").ToString()!,
                    record.SingleProperty<string>("Command"),
                    record.SingleProperty<string>("Error"),
                    record.SingleProperty<string>("Source")
                )
            );
            Ok("Write-ZkSyncHistory -Destination '127.0.0.1:10'");
            Assert.Equal(
                "Succeeded",
                Ok("Get-ZkSyncHistory -Device 127.0.0.1:10").SingleProperty<object>("Status").ToString()
            );
        }

        [Fact]
        public void A_journal_that_cannot_be_written_warns_and_the_sync_still_succeeds()
        {
            Device("a", users: 2);
            Device("b");
            string blocked = Path.Combine(Path.GetTempPath(), "zksync-not-a-folder-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(blocked, "a file where the journal folder should be");
            try
            {
                PsResult result = Ps.Run(
                    "Sync-ZkDevice -Source $a -Destination $b -JournalPath $blocked",
                    "blocked",
                    blocked
                );
                result.ShouldSucceed();
                WarningRecord warning = Assert.Single(result.Warnings);
                Assert.Contains("journal could not be written", warning.Message);
                Assert.Equal(2, Count("Get-ZkUser -Session $b"));
                Assert.Single(SyncPipelineTests.Summaries(result));
            }
            finally
            {
                File.Delete(blocked);
            }
        }

        [Fact]
        public void Parallel_destinations_and_ForEach_Object_Parallel_write_whole_records()
        {
            Device("a", users: 3);
            Ok("$destinations = 1..6 | ForEach-Object { Start-ZkEmulator | Connect-ZkDevice -Timeout 3 }");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $destinations -ThrottleLimit 6");
            // Six more runs in parallel runspaces, each with the module and its own pair of devices.
            Ps.Run(@"1..6 | ForEach-Object -ThrottleLimit 6 -Parallel {
                        Import-Module $using:manifest
                        $ZkSyncJournalPath = $using:folder
                        $s = Start-ZkEmulator -Users 2 | Connect-ZkDevice -Timeout 3
                        $d = Start-ZkEmulator | Connect-ZkDevice -Timeout 3
                        $null = Sync-ZkDevice -Source $s -Destination $d
                        Get-ZkSession | Disconnect-ZkDevice; Stop-ZkEmulator -All }",
                    new Dictionary<string, object?>
                    {
                        ["manifest"] = RepoPaths.StagedManifest,
                        ["folder"] = JournalFolder,
                    }
                )
                .ShouldSucceed();

            string[] lines = JournalLines();
            Assert.Equal(12, lines.Length);
            Assert.Equal(12, Count("Get-ZkSyncHistory -Status Succeeded"));
        }
    }
}
