using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Sync;
using ZkSync.Sync.Tests.Fakes;

namespace ZkSync.Sync.Tests
{
    public class SourceMediaCacheTests
    {
        private static SourceMediaCache Cache(FakeSyncDevice src, int window) =>
            new SourceMediaCache(src, new List<IReadOnlyList<string>> { new[] { "1", "2" }, new[] { "3", "4" }, new[] { "5" } }, window, CancellationToken.None);

        [Fact]
        public async Task Destinations_in_step_share_one_source_read_per_batch_and_drop_it_after()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            var cache = Cache(src, window: 4);
            using var a = cache.Join();
            using var b = cache.Join();

            for (int i = 0; i < 3; i++)
            {
                var fromA = await a.GetAsync(i, SyncDataKinds.Faces | SyncDataKinds.Photos, CancellationToken.None);
                var fromB = await b.GetAsync(i, SyncDataKinds.Faces, CancellationToken.None);
                Assert.Same(fromA, fromB);
                a.Release(i);
                Assert.Equal(1, cache.HeldBatches);
                b.Release(i);
                Assert.Equal(0, cache.HeldBatches);
            }
            Assert.Equal(6, cache.SourceBatchReads); // faces + photos for 3 batches, not per destination
            Assert.Equal(5, src.Calls.Count(c => c.StartsWith("faces ", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_destination_ahead_waits_for_the_slowest_when_the_window_is_full()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            var cache = Cache(src, window: 1);
            using var fast = cache.Join();
            using var slow = cache.Join();

            await fast.GetAsync(0, SyncDataKinds.Faces, CancellationToken.None);
            fast.Release(0); // batch 0 stays: the slow one still needs it
            var blocked = fast.GetAsync(1, SyncDataKinds.Faces, CancellationToken.None);
            Assert.False(blocked.IsCompleted);

            await slow.GetAsync(0, SyncDataKinds.Faces, CancellationToken.None);
            slow.Release(0);
            var media = await blocked.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(new[] { "3", "4" }, media.Keys.OrderBy(k => k));
        }

        [Fact]
        public async Task A_destination_that_leaves_releases_what_it_held()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            var cache = Cache(src, window: 4);
            using var stays = cache.Join();
            var leaves = cache.Join();
            await stays.GetAsync(0, SyncDataKinds.Faces, CancellationToken.None);
            stays.Release(0);
            Assert.Equal(1, cache.HeldBatches);

            leaves.Dispose();

            Assert.Equal(0, cache.HeldBatches);
        }

        [Fact]
        public async Task Read_ahead_fills_the_window_before_it_is_asked_and_refills_it_when_a_batch_is_released()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            var cache = Cache(src, window: 2);
            int FaceReads() => src.Calls.Count(c => c.StartsWith("faces ", StringComparison.Ordinal));

            using var c = cache.Join(SyncDataKinds.Faces);
            Assert.Equal(2, cache.HeldBatches);
            Assert.Equal(4, FaceReads()); // batches 0 and 1, nothing asked yet

            await c.GetAsync(0, SyncDataKinds.Faces, CancellationToken.None);
            c.Release(0);
            await c.GetAsync(1, SyncDataKinds.Faces, CancellationToken.None);
            Assert.Equal(5, FaceReads()); // batch 2 read when batch 0 left the window
            Assert.Equal(3, cache.SourceBatchReads); // each batch once
        }

        [Fact]
        public async Task After_stop_nothing_more_is_read_ahead()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            var cache = Cache(src, window: 1);
            using var c = cache.Join(SyncDataKinds.Faces);
            await c.GetAsync(0, SyncDataKinds.Faces, CancellationToken.None);

            await cache.StopAsync();
            c.Release(0);

            Assert.Equal(0, cache.HeldBatches);
            Assert.Equal(2, src.Calls.Count(op => op.StartsWith("faces ", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task One_users_unreadable_faces_are_an_error_on_that_user_only()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            src.BeforeCall = op => { if (op == "faces 2") throw new Protocol.Errors.ZkDeviceErrorException("bad record", 2001, 0, "src", 150); };
            using var c = Cache(src, 2).Join();

            var media = await c.GetAsync(0, SyncDataKinds.Faces, CancellationToken.None);

            Assert.Null(media["1"].FacesError);
            Assert.Equal(3, media["1"].Faces.Count);
            Assert.Contains("bad record", media["2"].FacesError);
        }
    }
}
