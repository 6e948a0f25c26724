using System;
using Xunit;
using ZkSync.Bench.LinkFloor;

namespace ZkSync.Sync.Tests
{
    /// <summary>The benchmark's floor (bench/README.md, "Link model, floor and round trips") computed by
    /// hand.</summary>
    public class LinkFloorTests
    {
        [Fact]
        public void Unavoidable_round_trips_count_sessions_table_chunks_item_reads_and_upload_slices()
        {
            var work = new LinkWork()
                .ReadTable(100_000)           // 1503 + 2 chunks of 65,472
                .ReadTable(0)                 // empty table: nothing to read
                .ReadItems(10)                // 10 face or photo reads
                .Upload(3, 200_000);          // 3 × (1500 + consume) + max(3, ⌈200,000 ÷ 65,528⌉ = 4) slices
            Assert.Equal(1 + 3 + 10 + 6 + 4, work.UnavoidableRoundTrips);
            // small uploads: still a slice each
            Assert.Equal(1 + 2 * 5 + 5, new LinkWork().Upload(5, 5 * 1000).UnavoidableRoundTrips);
        }

        [Fact]
        public void A_links_floor_is_its_bytes_over_throughput_plus_its_round_trips_times_turnaround()
        {
            var model = new LinkModel(2, 1_000_000);
            var measured = new LinkStats(Requests: 999, RoundTrips: 999, BytesIn: 400_000, BytesOut: 600_000);
            var work = new LinkWork().ReadItems(23); // 24 round trips with the CONNECT
            Assert.Equal(TimeSpan.FromSeconds(1.0 + 24 * 0.002), model.Floor(measured, work));
        }

        [Fact]
        public void Parallel_links_floor_at_the_slowest_one()
        {
            var model = new LinkModel(2, 1_000_000);
            var source = (new LinkStats(1, 1, 0, 500_000), new LinkWork());
            var destination = (new LinkStats(1, 1, 900_000, 0), new LinkWork().ReadItems(49));
            Assert.Equal(TimeSpan.FromSeconds(0.9 + 50 * 0.002), model.Floor(new[] { source, destination }));
            Assert.Equal(TimeSpan.Zero, model.Floor(Array.Empty<(LinkStats, LinkWork)>()));
        }
    }
}
