using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using ZkSync.FaultCampaign.Core;

namespace ZkSync.Sync.Tests.EndToEnd
{
    /// <summary>
    /// A short fault campaign (every fault kind once, a few users): nothing lost or half-written, no device left disabled,
    /// every failure reported, the healthy peer unaffected, and a rerun completes to all Unchanged.
    /// </summary>
    public class FaultCampaignTests
    {
        private readonly ITestOutputHelper _output;

        public FaultCampaignTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Every_fault_kind_leaves_devices_consistent_and_a_rerun_completes()
        {
            var rows = await new CampaignRunner(new CampaignOptions { Runs = 1, Users = 4, Seed = 3 }).RunAsync();
            _output.WriteLine(CampaignRow.Table(rows));
            Assert.Equal(FaultKind.All(new CampaignOptions()).Count, rows.Count);
            foreach (var row in rows)
            {
                Assert.True(row.Ok, $"{row.Fault}: {string.Join("; ", row.Problems)}");
                Assert.Equal(0, row.LostOrHalfWritten);
                Assert.Equal(0, row.LeftDisabled);
                Assert.Equal(row.Runs, row.RerunsCompleted);
            }
            Assert.True(rows.Count(r => r.FaultsHit > 0) >= rows.Count - 1, "the faults did not reach the sync: " + CampaignRow.Table(rows));
        }
    }
}
