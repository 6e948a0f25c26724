using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>
    /// A fleet from an inventory: Import-Csv | Connect-ZkDevice binds address, port, protocol, comm key or credential
    /// name,
    /// display name and site; a sync to several destinations shows the names everywhere and ends with a fleet summary.
    /// </summary>
    public sealed class FleetPipelineTests : JournalDeviceTestBase
    {
        public FleetPipelineTests(ModuleFixture fixture) : base(fixture) { }

        private static string Text(PSObject o, string property) => o.Properties[property].Value?.ToString() ?? "";

        /// <summary>
        /// Sets $rows to the inventory rows as Import-Csv returns them: objects whose every property is a string. (This
        /// runspace has core cmdlets only; tests/Pester/Fleet.Tests.ps1 pipes a real Import-Csv.)
        /// </summary>
        private void Inventory(string rows) =>
            Ok("$rows = @(" + rows
                + ") | ForEach-Object { $row = [ordered]@{}; foreach ($p in $_.PSObject.Properties) { $row[$p.Name] = "
                    + "[string]$p.Value }; [pscustomobject]$row }");

        [Fact]
        public void An_inventorys_names_are_what_results_summaries_progress_the_journal_and_the_fleet_summary_show()
        {
            Ok("$m = Start-ZkEmulator -Profile face -Users 4; $d1 = Start-ZkEmulator -Profile face; $d2 = "
                + "Start-ZkEmulator -Profile face");
            Inventory(
                "[pscustomobject]@{ Name = 'Master'; Site = 'HQ'; IPAddress = $m.IPAddress; Port = $m.Port; Protocol "
                    + "= 'Tcp' }," +
                "[pscustomobject]@{ Name = 'Door-1'; Site = 'HQ'; IPAddress = $d1.IPAddress; Port = $d1.Port; "
                    + "Protocol = 'Tcp' }," +
                "[pscustomobject]@{ Name = 'Door-2'; Site = 'HQ'; IPAddress = $d2.IPAddress; Port = $d2.Port; "
                    + "Protocol = 'Tcp' }");

            PsResult connected = Ps.Run("$s = $rows | Connect-ZkDevice -Timeout 3; $s");
            connected.ShouldSucceed();
            Assert.Equal(new[] { "Master", "Door-1", "Door-2" }, connected.Output.Select(o => Text(o, "Device")));
            Assert.All(connected.Output, o => Assert.Equal("HQ", Text(o, "Site")));
            Assert.All(connected.Output, o => Assert.Matches(@"^127\.0\.0\.1:\d+$", Text(o, "Address")));

            PsResult sync = Ok("Sync-ZkDevice -Source $s[0] -Destination $s[1], $s[2] -Confirm:$false");
            var results = SyncPipelineTests.OfType(sync, "ZkSyncResult");
            Assert.Equal(8, results.Count);
            Assert.All(results, r => Assert.Equal("Master", Text(r, "Source")));
            Assert.Equal(new[] { "Door-1", "Door-2" }, results.Select(r => Text(r, "Destination")).Distinct().OrderBy(n
                => n));
            Assert.Equal(new[] { "Door-1", "Door-2" }, SyncPipelineTests.Summaries(sync).Select(s => Text(s,
                "Destination")).OrderBy(n => n));

            // One parent bar for the run that counts destinations done, one bar per destination under it.
            var parent = sync.Progress.Where(p => p.ParentActivityId < 0).ToList();
            Assert.NotEmpty(parent);
            Assert.All(parent, p => Assert.Equal("Syncing from Master", p.Activity));
            Assert.Contains(parent, p => p.StatusDescription == "2 of 2 destinations done" && p.PercentComplete == 100);
            var children = sync.Progress.Where(p => p.ParentActivityId == parent[0].ActivityId).ToList();
            Assert.Equal(new[] { "Syncing to Door-1", "Syncing to Door-2" }, children.Select(p
                => p.Activity).Distinct().OrderBy(a => a));

            // Who was written is judged by the devices themselves, read through their own sessions.
            Assert.Equal(4, Count("Get-ZkUser -Session $s[1]"));
            Assert.Equal(4, Count("Get-ZkUser -Session $s[2]"));

            PsResult history = Ok("Get-ZkSyncHistory");
            Assert.Equal(new[] { "Door-1", "Door-2" }, history.Output.Select(h => Text(h, "Destination")).OrderBy(n
                => n));
            Assert.All(history.Output, h => Assert.Equal("Master", Text(h, "Source")));

            var fleet = Assert.Single(sync.Information, i => i.Tags.Contains("ZkSync.FleetSummary"));
            string[] lines = fleet.MessageData.ToString()!.Split(Environment.NewLine);
            Assert.StartsWith("Sync from Master to 2 destinations: 2 synced, 0 failed", lines[0]);
            Assert.Equal(4, lines.Length);
            Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
            Assert.Matches(@"^ok +Door-[12] +4 +0 +0 +0 ", lines[2]);
        }

        [Fact]
        public void The_fleet_summary_puts_a_failed_destination_first_and_fits_80_columns()
        {
            Ok("$m = Start-ZkEmulator -Profile face -Users 3; $d1 = Start-ZkEmulator -Profile face; $d2 = "
                + "Start-ZkEmulator -Profile face; $d3 = Start-ZkEmulator -Profile face");
            Inventory(
                "[pscustomobject]@{ Name = 'Master'; IPAddress = $m.IPAddress; Port = $m.Port }," +
                "[pscustomobject]@{ Name = 'Door-1'; IPAddress = $d1.IPAddress; Port = $d1.Port }," +
                "[pscustomobject]@{ Name = 'A door with a name far longer than twenty columns'; IPAddress = "
                    + "$d2.IPAddress; Port = $d2.Port }," +
                "[pscustomobject]@{ Name = 'Door-3'; IPAddress = $d3.IPAddress; Port = $d3.Port }");
            Ok("$s = $rows | Connect-ZkDevice -Timeout 2");
            Ok("$d3 | Stop-ZkEmulator"); // Door-3 goes away after connecting

            PsResult sync = Ps.Run("Sync-ZkDevice -Source $s[0] -Destination $s[1], $s[2], $s[3] -Confirm:$false");
            Assert.Contains("ZkSync.SyncDestinationFailed", sync.ErrorIds);

            var fleet = Assert.Single(sync.Information, i => i.Tags.Contains("ZkSync.FleetSummary"));
            string[] lines = fleet.MessageData.ToString()!.Split(Environment.NewLine);
            Assert.Equal(5, lines.Length);
            Assert.StartsWith("Sync from Master to 3 destinations: 2 synced, 1 failed", lines[0]);
            Assert.StartsWith("FAILED Door-3 ", lines[2]);
            Assert.All(lines.Skip(3), l => Assert.StartsWith("ok ", l));
            Assert.Contains(lines, l => l.Contains("A door with a nam...", StringComparison.Ordinal));
            Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
            Assert.Equal(3, Count("Get-ZkUser -Session $s[1]"));
        }

        [Fact]
        public void A_CredentialName_column_is_looked_up_with_Get_Secret_and_a_CommKey_column_is_never_taken()
        {
            Ok("$k = Start-ZkEmulator -CommKey 4321; $n = Start-ZkEmulator -CommKey 4321");
            // Get-Secret as SecretManagement would answer it (a function here; the module only looks the command up by
            // name).
            Ok("function global:Get-Secret { param([string] $Name) if ($Name -eq 'DoorKey') { "
                + "[pscredential]::new('door', [System.Net.NetworkCredential]::new('', '4321').SecurePassword) } }");
            try
            {
                Inventory(
                    "[pscustomobject]@{ Name = 'Keyed'; IPAddress = $k.IPAddress; Port = $k.Port; CommKey = 4321; "
                        + "CredentialName = '' }," +
                    "[pscustomobject]@{ Name = 'Named'; IPAddress = $n.IPAddress; Port = $n.Port; CommKey = ''; "
                        + "CredentialName = 'DoorKey' }," +
                    "[pscustomobject]@{ Name = 'Unknown'; IPAddress = $n.IPAddress; Port = $n.Port; CommKey = ''; "
                        + "CredentialName = 'NoSuchKey' }");

                PsResult result = Ps.Run("$rows | Connect-ZkDevice -Timeout 3");

                PSObject named = Assert.Single(result.Output);
                Assert.Equal(("Named", "Open"), (Text(named, "Device"), Text(named, "State")));
                // A key in the file is not picked up (a key is passed on purpose): that row is refused by the device.
                Assert.Equal(new[] { "ZkSync.AuthenticationFailed", "ZkSync.InvalidArgument" }, result.ErrorIds);
                Assert.Contains("Get-Secret -Name 'NoSuchKey' returned nothing", result.Errors[1].ToString());
                Assert.DoesNotContain("4321", string.Join(" ", result.AllErrors.Select(e => e.ToString())));
            }
            finally
            {
                Ps.Run("Remove-Item function:Get-Secret");
            }
        }

        [Fact]
        public void Without_a_credential_store_a_CredentialName_says_what_to_install_or_pass()
        {
            Ok("$k = Start-ZkEmulator -CommKey 4321");
            PsResult result = Ps.Run("[pscustomobject]@{ IPAddress = $k.IPAddress; Port = $k.Port; CredentialName = "
                + "'DoorKey' } | Connect-ZkDevice -Timeout 3");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.Contains("Microsoft.PowerShell.SecretManagement", error.ToString());
            Assert.Contains("-Credential", error.ToString());
        }
    }
}
