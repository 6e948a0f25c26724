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
            new SourceMediaCache(
                src,
                new List<IReadOnlyList<string>> { new[] { "1", "2" }, new[] { "3", "4" }, new[] { "5" } },
                window,
                CancellationToken.None
            );

        [Fact]
        public async Task Destinations_in_step_share_one_source_read_per_batch_and_drop_it_after()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            using var cache = Cache(src, window: 4);
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
        public async Task A_destination_ahead_never_waits_and_one_behind_reads_the_batches_from_the_file()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            using var cache = Cache(src, window: 1);
            using var fast = cache.Join();
            using var slow = cache.Join();

            var seen = new List<string>();
            for (int i = 0; i < 3; i++)
            {
                var m = await fast.GetAsync(i, SyncDataKinds.Faces,
                    CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
                seen.AddRange(m.OrderBy(kv => kv.Key).Select(kv => Faces(kv.Value)));
                fast.Release(i);
            }
            // Batch 0 is the slow one's next, so it stays; 1 and 2 left memory for it.
            Assert.Equal(1, cache.HeldBatches);
            Assert.Equal(2, cache.SpilledBatches);

            var again = new List<string>();
            for (int i = 0; i < 3; i++)
            {
                var m = await slow.GetAsync(i, SyncDataKinds.Faces, CancellationToken.None);
                again.AddRange(m.OrderBy(kv => kv.Key).Select(kv => Faces(kv.Value)));
                slow.Release(i);
            }
            Assert.Equal(seen, again);
            Assert.Equal(2, cache.SpillReads);
            Assert.Equal(0, cache.HeldBatches);
            Assert.Equal(5, src.Calls.Count(c => c.StartsWith("faces ", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_destination_starting_after_the_others_finished_gets_every_batch_without_a_source_read()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            using var cache = Cache(src, window: 1);
            var kinds = SyncDataKinds.Faces | SyncDataKinds.Photos;
            var first = cache.Register();
            var late = cache.Register(); // waits for a throttle slot
            var seen = new List<string>();
            using (first.Activate(kinds))
            {
                for (int i = 0; i < 3; i++)
                {
                    var m = await first.GetAsync(i, kinds, CancellationToken.None);
                    seen.AddRange(m.OrderBy(kv => kv.Key).Select(kv => kv.Key + ":" + Faces(kv.Value) + ":"
                        + Convert.ToBase64String(kv.Value.Photo!)));
                    first.Release(i);
                }
            }
            Assert.Equal(0, cache.HeldBatches);
            int sourceCalls = src.Calls.Count;

            var again = new List<string>();
            using (late.Activate(kinds))
            {
                for (int i = 0; i < 3; i++)
                {
                    var m = await late.GetAsync(i, kinds, CancellationToken.None);
                    again.AddRange(m.OrderBy(kv => kv.Key).Select(kv => kv.Key + ":" + Faces(kv.Value) + ":"
                        + Convert.ToBase64String(kv.Value.Photo!)));
                    late.Release(i);
                }
            }

            Assert.Equal(seen, again);
            Assert.Equal(sourceCalls, src.Calls.Count); // nothing read from the source again
            Assert.Equal(5, src.Calls.Count(c => c.StartsWith("faces ", StringComparison.Ordinal)));
            Assert.Equal(5, src.Calls.Count(c => c.StartsWith("photo ", StringComparison.Ordinal)));
            Assert.Equal(3, cache.SpilledBatches);
            Assert.True(cache.PeakHeldBatches <= 2, $"held {cache.PeakHeldBatches} batches at once");
        }

        [Fact]
        public async Task A_kind_only_a_later_destination_needs_is_read_then_and_only_then()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            using var cache = Cache(src, window: 1);
            var facesOnly = cache.Register();
            var both = cache.Register();
            using (facesOnly.Activate(SyncDataKinds.Faces))
            {
                for (int i = 0; i < 3; i++)
                {
                    await facesOnly.GetAsync(i, SyncDataKinds.Faces, CancellationToken.None);
                    facesOnly.Release(i);
                }
            }
            using (both.Activate(SyncDataKinds.Faces | SyncDataKinds.Photos))
            {
                for (int i = 0; i < 3; i++)
                {
                    var m = await both.GetAsync(i, SyncDataKinds.Faces | SyncDataKinds.Photos, CancellationToken.None);
                    Assert.All(m.Values, v => Assert.NotNull(v.Photo));
                    Assert.All(m.Values, v => Assert.NotEmpty(v.Faces));
                    both.Release(i);
                }
            }
            Assert.Equal(5, src.Calls.Count(c => c.StartsWith("faces ", StringComparison.Ordinal)));
            Assert.Equal(5, src.Calls.Count(c => c.StartsWith("photo ", StringComparison.Ordinal)));
        }

        [Fact]
        public void The_temporary_file_holds_no_face_bytes_in_clear_and_is_gone_when_the_cache_is_disposed()
        {
            var src = TestData.SeededFaceDevice("src", 2);
            var ids = new[] { "1", "2" };
            var media = ids.ToDictionary(id => id, id => new SourceMedia
            {
                Faces = src.GetFacesAsync(id, CancellationToken.None).GetAwaiter().GetResult(),
                Photo = src.GetPhotoAsync(id, CancellationToken.None).GetAwaiter().GetResult(),
            });
            byte[] onDisk;
            string path;
            using (var file = new MediaSpillFile())
            {
                Assert.True(file.Write(0, ids, media, SyncDataKinds.Faces | SyncDataKinds.Photos));
                path = file.Path;
                Assert.True(System.IO.File.Exists(path));
                onDisk = file.StoredBytes();
                var back = ids.ToDictionary(id => id, _ => new SourceMedia());
                Assert.Equal(SyncDataKinds.Faces | SyncDataKinds.Photos, file.Read(0, ids, back));
                Assert.Equal(Faces(media["1"]), Faces(back["1"]));
                Assert.Equal(media["2"].Photo, back["2"].Photo);
            }
            byte[] face = media["1"].Faces[0].Raw;
            Assert.True(onDisk.Length > face.Length);
            Assert.Equal(-1, onDisk.AsSpan().IndexOf(face.AsSpan(0, 64)));
            Assert.False(System.IO.File.Exists(path));
        }

        private static string Faces(SourceMedia m) => string.Join("|", m.Faces.Select(f => f.UserId + "/"
            + Convert.ToBase64String(f.Raw)));

        [Fact]
        public async Task A_destination_that_leaves_releases_what_it_held()
        {
            var src = TestData.SeededFaceDevice("src", 5);
            using var cache = Cache(src, window: 4);
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
            using var cache = Cache(src, window: 2);
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
            using var cache = Cache(src, window: 1);
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
            src.BeforeCall = op =>
            {
                if (op == "faces 2")
                    throw new Protocol.Errors.ZkDeviceErrorException("bad record", 2001, 0, "src", 150);
            };
            using var cache = Cache(src, 2);
            using var c = cache.Join();

            var media = await c.GetAsync(0, SyncDataKinds.Faces, CancellationToken.None);

            Assert.Null(media["1"].FacesError);
            Assert.Equal(3, media["1"].Faces.Count);
            Assert.Contains("bad record", media["2"].FacesError);
        }
    }
}
