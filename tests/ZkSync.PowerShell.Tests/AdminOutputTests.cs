using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;
using static ZkSync.PowerShell.Tests.SyncPipelineTests;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>What an admin sees in the output of the sync cmdlets (issue 13, Output).</summary>
    public sealed class AdminOutputTests : DeviceTestBase
    {
        public AdminOutputTests(ModuleFixture fixture) : base(fixture) { }

        [Fact]
        public void Sync_output_is_one_type_so_the_help_filter_sees_only_results_and_Summary_gives_only_summaries()
        {
            Device("a", users: 3);
            Device("b");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $b");
            Ok("Set-ZkUser -Session $a -UserId @(Get-ZkUser -Session $a)[0].UserId -Name 'Renamed'");

            PsResult filtered = Ok("Sync-ZkDevice -Source $a -Destination $b | Where-Object Action -ne 'Unchanged'");
            PSObject changed = Assert.Single(filtered.Output);
            Assert.Equal("Updated", Text(changed, "Action"));

            PsResult totals = Ok("Sync-ZkDevice -Source $a -Destination $b -Summary");
            PSObject summary = Assert.Single(totals.Output);
            Assert.Equal("ZkSync.PowerShell.ZkSyncSummary", summary.TypeNames[0]);
            Assert.Equal(3, (int)summary.Properties["Unchanged"].Value);
            Assert.Empty(Summaries(totals)); // given once, not twice
        }

        [Fact]
        public void Import_Summary_writes_only_the_summary()
        {
            Device("a", users: 2);
            Device("b");
            string file = System.IO.Path.Combine(
                System.IO.Path.GetTempPath(),
                "zksync-out-" + System.Guid.NewGuid().ToString("N") + ".zksync"
            );
            try
            {
                Ok($"$null = Export-ZkDevice -Session $a -Path '{file}'");
                PsResult result = Ok($"Import-ZkDevice -Path '{file}' -Destination $b -Summary");
                PSObject summary = Assert.Single(result.Output);
                Assert.Equal(
                    ("ZkSync.PowerShell.ZkSyncSummary", 2),
                    (summary.TypeNames[0], (int)summary.Properties["Added"].Value)
                );
            }
            finally
            {
                System.IO.File.Delete(file);
            }
        }
    }
}
