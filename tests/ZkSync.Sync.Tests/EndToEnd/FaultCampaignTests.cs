using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using ZkSync.FaultCampaign.Core;

namespace ZkSync.Sync.Tests.EndToEnd
{
    /// <summary>
    /// A short fault campaign (every fault kind once, a few users): nothing lost or half-written, no device left
    /// disabled, every failure reported, the healthy peer unaffected, and a rerun completes to all Unchanged.
    /// </summary>
    public class FaultCampaignTests
    {
        private readonly ITestOutputHelper _output;

        public FaultCampaignTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Every_fault_kind_leaves_devices_consistent_and_a_rerun_completes()
        {
            // The destination timeout is roomy here (the campaign tool's default is 500 ms): on a loaded 2-core CI
            // machine an ordinary reply has taken over 300 ms, and a spurious timeout in the fault-free rerun would
            // read as a broken recovery. The delay fault scales with it (FaultKind.Delay), so it still lands beyond the
            // timeout.
            var options = new CampaignOptions
            {
                Runs = 1,
                Users = 4,
                Seed = 3,
                DestinationTimeout = TimeSpan.FromMilliseconds(1500),
            };
            var rows = await new CampaignRunner(options).RunAsync();
            _output.WriteLine(CampaignRow.Table(rows));
            Assert.Equal(FaultKind.All(options).Count, rows.Count);
            foreach (var row in rows)
            {
                Assert.True(row.Ok, $"{row.Fault}: {string.Join("; ", row.Problems)}");
                Assert.Equal(0, row.LostOrHalfWritten);
                Assert.Equal(0, row.LeftDisabled);
                Assert.Equal(row.Runs, row.RerunsCompleted);
            }
            Assert.True(
                rows.Count(r => r.FaultsHit > 0) >= rows.Count - 1,
                "the faults did not reach the sync: " + CampaignRow.Table(rows)
            );
        }
    }
}
