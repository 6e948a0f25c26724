using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;
using ZkSync.Sync;
using ZkSync.Sync.Tests.Fakes;
using static ZkSync.Sync.Tests.Fakes.TestData;

namespace ZkSync.Sync.Tests
{
    public class SyncEngineTests
    {
        private static Task<SyncReport> Sync(
            ISyncDevice src,
            SyncOptions? options = null,
            params ISyncDevice[] destinations
        ) => SyncEngine.RunAsync(src, destinations, options ?? new SyncOptions());

        [Fact]
        public async Task Full_sync_copies_users_fingerprints_faces_and_photos_rekeyed_to_destination_uids()
        {
            var src = SeededFaceDevice("src", 30);
            var dst = new FakeSyncDevice("dst");
            dst.Seed(User("900")); // occupies uid 501 so no uid matches the source's

            var report = await Sync(src, null, dst);

            var summary = Assert.Single(report.Summaries);
            Assert.Null(summary.Error);
            Assert.Equal(30, summary.Added);
            Assert.Equal(1, summary.Skipped); // user 900 kept
            Assert.All(report.Items.Where(i => i.UserId != "900"), i =>
            {
                Assert.Equal(SyncAction.Added, i.Action);
                Assert.Equal(SyncItemStatus.Succeeded, i.Status);
                Assert.Equal(KindOutcome.Written, i.Faces);
                Assert.Equal(KindOutcome.Written, i.Photos);
            });
            foreach (var id in src.Users.Keys)
            {
                var uid = dst.Users[id].Uid;
                Assert.True(SyncEquality.Fingerprints(src.FingersOf(id), dst.FingersOf(id)).IsEqual);
                Assert.True(SyncEquality.Faces(src.FacesOf(id), dst.FacesOf(id), true).IsEqual);
                Assert.All(dst.FacesOf(id), f => Assert.Equal(uid, f.Uid));
                Assert.Equal(src.PhotoOf(id), dst.PhotoOf(id));
            }
            Assert.Equal(1, dst.DisableCount);
            Assert.Equal(1, dst.EnableCount);
            Assert.False(dst.IsDisabled);
            Assert.True(summary.BytesUploaded > 30 * 3 * 2576);
        }

        [Fact]
        public async Task Second_run_with_nothing_changed_writes_nothing_and_reports_every_user_unchanged()
        {
            var src = SeededFaceDevice("src", 12);
            var dst = new FakeSyncDevice("dst");
            await Sync(src, null, dst);
            int calls = dst.Calls.Count;

            var report = await Sync(src, null, dst);

            var summary = report.Summaries.Single();
            Assert.Equal(0, summary.BytesUploaded);
            Assert.Equal(12, summary.Unchanged);
            Assert.All(report.Items, i => Assert.Equal(SyncAction.Unchanged, i.Action));
            var secondRun = dst.Calls.Skip(calls).ToList();
            Assert.DoesNotContain(secondRun, c =>
                c.StartsWith("write", StringComparison.Ordinal)
                || c.StartsWith("set", StringComparison.Ordinal)
                || c.StartsWith("delete", StringComparison.Ordinal)
            );
            Assert.DoesNotContain("disable", secondRun);
        }

        [Fact]
        public async Task Only_what_differs_is_written()
        {
            var src = SeededFaceDevice("src", 5);
            var dst = new FakeSyncDevice("dst");
            await Sync(src, null, dst);
            var three = src.Users["3"].Clone();
            three.Card = 4242;
            src.Seed(three);
            src.Seed(src.Users["4"], null, Faces(99, 3));
            int calls = dst.Calls.Count, batches = dst.BatchSizes.Count;

            var report = await Sync(src, null, dst);

            Assert.Equal(2, report.Summaries[0].Updated);
            var item3 = report.Items.Single(i => i.UserId == "3");
            Assert.Equal(
                (KindOutcome.Written, KindOutcome.Unchanged, KindOutcome.Unchanged),
                (item3.Users, item3.Fingerprints, item3.Faces)
            );
            Assert.Contains("changed: Card", item3.Notes);
            var item4 = report.Items.Single(i => i.UserId == "4");
            Assert.Equal((KindOutcome.Unchanged, KindOutcome.Written), (item4.Users, item4.Faces));
            var writes = dst.Calls.Skip(calls).Where(c => c.StartsWith("write", StringComparison.Ordinal)).ToList();
            // User 4 is held disabled while its faces change, then enabled: one user write each way around the faces.
            Assert.Equal(new[] { "write-users", "write-users", "write-faces 4", "write-users" }, writes);
            Assert.Equal(new[] { 1, 1, 1 }, dst.BatchSizes.Skip(batches));
            Assert.True(dst.Users["4"].Enabled);
        }

        [Theory]
        [InlineData(100, 20_000, 500, 13)] // 2,493 bytes per user: 8 per 20,000-byte batch
        [InlineData(100, 1_000_000, 10, 10)]
        [InlineData(7, 1_000_000, 500, 1)]
        public async Task Users_and_fingerprints_go_in_batches_capped_by_bytes_and_users(
            int users,
            int maxBytes,
            int maxUsers,
            int expectedBatches
        )
        {
            var src = new FakeSyncDevice("src");
            for (int i = 1; i <= users; i++)
                src.Seed(User(i.ToString(CultureInfo.InvariantCulture)), Fingers(i, 0, 1));
            var dst = new FakeSyncDevice("dst");

            await Sync(src, new SyncOptions { MaxBatchBytes = maxBytes, MaxBatchUsers = maxUsers }, dst);

            Assert.Equal(expectedBatches, dst.TemplateBatchSizes.Count);
            Assert.Equal(users, dst.TemplateBatchSizes.Sum());
            Assert.Equal(users, dst.Users.Count);
        }

        [Fact]
        public async Task A_lost_connection_fails_the_destination_and_still_re_enables_it()
        {
            var src = SeededFaceDevice("src", 4);
            var dst = new FakeSyncDevice("dst")
            {
                BeforeCall = op =>
                {
                    if (op == "write-users")
                        throw new ZkConnectionException("reset by peer", "dst");
                },
            };

            var report = await Sync(src, null, dst);

            var summary = report.Summaries.Single();
            Assert.Contains("reset by peer", summary.Error);
            Assert.Equal(4, summary.Failed);
            Assert.All(report.Items, i => Assert.Equal(SyncItemStatus.Failed, i.Status));
            Assert.All(report.Items, i => Assert.Contains("not finished: ", i.Notes));
            Assert.Equal(1, dst.DisableCount);
            Assert.Equal(1, dst.EnableCount);
            Assert.Equal(0, dst.CloseCount); // caller-owned device: not closed by the engine
        }

        [Fact]
        public async Task A_destination_that_cannot_be_re_enabled_is_reported()
        {
            var src = SeededFaceDevice("src", 2);
            var dst = new FakeSyncDevice("dst")
            {
                BeforeCall = op =>
                {
                    if (op == "enable")
                        throw new ZkTimeoutException("no reply", "dst");
                },
            };

            var report = await Sync(src, null, dst);

            Assert.Contains("Could not re-enable", report.Summaries[0].Error);
            Assert.Contains("Could not re-enable", report.Summaries[0].NotReEnabled);
            Assert.False(report.Summaries[0].Verified);
            Assert.Equal(1, dst.DisableCount);
            Assert.Equal(1, dst.Calls.Count(c => c == "enable")); // tried once; the failure is reported, not hidden
        }

        [Fact]
        public async Task A_failed_re_enable_during_another_error_is_part_of_the_summary_error()
        {
            var src = SeededFaceDevice("src", 2);
            var dst = new FakeSyncDevice("dst")
            {
                BeforeCall = op =>
                {
                    if (op == "write-users") throw new ZkConnectionException("reset by peer", "dst");
                    if (op == "enable") throw new ZkTimeoutException("no reply", "dst");
                },
            };

            var report = await Sync(src, null, dst);

            var summary = report.Summaries.Single();
            Assert.Contains("reset by peer", summary.Error);
            Assert.Contains("Could not re-enable", summary.Error);
            Assert.NotNull(summary.NotReEnabled);
        }

        [Fact]
        public async Task A_verified_run_says_so_in_its_items_and_summary_and_an_unverified_one_does_not()
        {
            var src = SeededFaceDevice("src", 3);

            var verified = await Sync(src, null, new FakeSyncDevice("dst"));
            var unverified = await Sync(src, new SyncOptions { Verify = false }, new FakeSyncDevice("dst2"));

            Assert.True(verified.Summaries[0].Verified);
            Assert.All(verified.Items, i => Assert.True(i.Verified));
            Assert.False(unverified.Summaries[0].Verified);
            Assert.All(unverified.Items, i => Assert.False(i.Verified));
        }

        [Fact]
        public async Task Engine_owned_destinations_are_closed_even_when_they_fail()
        {
            var src = SeededFaceDevice("src", 2);
            var dst = new FakeSyncDevice("dst")
            {
                BeforeCall = op =>
                {
                    if (op == "users")
                        throw new ZkTimeoutException("no reply", "dst");
                },
            };

            var report = await SyncEngine.RunAsync(
                SyncEndpoint.Of(src),
                new[] { new SyncEndpoint("dst", _ => Task.FromResult<ISyncDevice>(dst), ownsDevice: true) },
                new SyncOptions()
            );

            Assert.Contains("no reply", report.Summaries[0].Error);
            Assert.Equal(1, dst.CloseCount);
            Assert.Equal(0, dst.DisableCount);
        }

        [Fact]
        public async Task A_device_error_on_one_batch_fails_those_users_only()
        {
            var src = new FakeSyncDevice("src");
            for (int i = 1; i <= 6; i++)
                src.Seed(User(i.ToString(CultureInfo.InvariantCulture)));
            int batch = 0;
            var dst = new FakeSyncDevice("dst")
            {
                BeforeCall = op =>
                {
                    if (op == "write-users" && ++batch == 2)
                        throw new ZkDeviceErrorException("refused", 2001, 0, "dst", 110);
                },
            };

            var report = await Sync(src, new SyncOptions { MaxBatchUsers = 2 }, dst);

            Assert.Null(report.Summaries[0].Error);
            Assert.Equal(
                new[] { "3", "4" },
                report.Items.Where(i => i.Status == SyncItemStatus.Failed).Select(i => i.UserId)
            );
            Assert.Equal(4, report.Summaries[0].Added);
            Assert.Equal(1, dst.EnableCount);
        }

        [Fact]
        public async Task Cancellation_mid_write_propagates_and_re_enables_the_destination()
        {
            using var cts = new CancellationTokenSource();
            var src = SeededFaceDevice("src", 5);
            var dst = new FakeSyncDevice("dst")
            {
                BeforeCall = op =>
                {
                    if (op.StartsWith("write-faces", StringComparison.Ordinal))
                    {
                        cts.Cancel();
                        cts.Token.ThrowIfCancellationRequested();
                    }
                },
            };
            var summaries = new List<SyncSummary>();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                SyncEngine.RunAsync(src, new[] { dst }, new SyncOptions { OnSummary = summaries.Add }, cts.Token)
            );

            Assert.Equal(1, dst.DisableCount);
            Assert.Equal(1, dst.EnableCount);
            Assert.False(dst.IsDisabled);
            Assert.Equal("Cancelled.", Assert.Single(summaries).Error);
        }

        [Fact]
        public async Task One_unreachable_destination_does_not_stop_the_others()
        {
            var src = SeededFaceDevice("src", 8);
            var a = new FakeSyncDevice("a") { Asynchronous = true };
            var b = new FakeSyncDevice("b") { Asynchronous = true };
            var down = new SyncEndpoint(
                "down:4370",
                _ => throw new ZkConnectionException("connection refused", "down:4370"),
                ownsDevice: true
            );
            var streamed = new List<SyncItemResult>();

            var report = await SyncEngine.RunAsync(
                SyncEndpoint.Of(src),
                new[] { SyncEndpoint.Of(a), down, SyncEndpoint.Of(b) },
                new SyncOptions
                {
                    ThrottleLimit = 2,
                    OnItem = streamed.Add,
                    MediaBatchUsers = 3,
                }
            );

            Assert.Equal(new[] { "a", "down:4370", "b" }, report.Summaries.Select(s => s.Destination));
            Assert.Contains("connection refused", report.Summaries[1].Error);
            Assert.Equal(8, report.Summaries[1].Failed);
            Assert.All(new[] { report.Summaries[0], report.Summaries[2] }, s => Assert.Equal(8, s.Added));
            Assert.Equal(8, a.Users.Count);
            Assert.Equal(8, b.Users.Count);
            Assert.Equal(16, streamed.Count);
            Assert.Equal(1, src.Calls.Count(c => c == "users")); // source snapshot read once
        }

        [Fact]
        public async Task Verify_catches_a_device_that_stores_templates_differently()
        {
            var src = SeededFaceDevice("src", 2);
            var dst = new FakeSyncDevice("dst") { CorruptTemplates = true };

            var report = await Sync(src, null, dst);

            Assert.All(report.Items, i =>
            {
                Assert.Equal(SyncItemStatus.Failed, i.Status);
                Assert.Equal(KindOutcome.Failed, i.Fingerprints);
                Assert.Equal(KindOutcome.Written, i.Faces);
                Assert.Contains("verify: template of finger 0 differs, template of finger 5 differs", i.Notes);
            });
            Assert.Equal(2, report.Summaries[0].Failed);
        }

        [Fact]
        public async Task Mirror_removes_only_confirmed_destination_only_users_and_extra_biometrics()
        {
            var src = SeededFaceDevice("src", 2);
            var dst = new FakeSyncDevice("dst");
            await Sync(src, null, dst);
            dst.Seed(User("8"), Fingers(8, 0));
            dst.Seed(User("9"));
            dst.Seed(
                dst.Users["1"],
                Fingers(1, 7),
                Faces(1, 3).Concat(new[] { Protocol.Codecs.FaceRecordCodec.Build(1, 14, 1, Bytes(4, 50)) })
            );
            var asked = new List<string>();
            var options = new SyncOptions
            {
                Mirror = true,
                ConfirmAsync = (c, _) =>
                {
                    asked.Add(c.UserId);
                    return Task.FromResult(c.UserId == "9");
                },
            };

            var report = await Sync(src, options, dst);

            Assert.Equal(new[] { "8", "9" }, asked);
            Assert.Equal(SyncAction.Kept, report.Items.Single(i => i.UserId == "8").Action);
            Assert.Equal(SyncAction.Removed, report.Items.Single(i => i.UserId == "9").Action);
            Assert.Equal(SyncItemStatus.Succeeded, report.Items.Single(i => i.UserId == "9").Status);
            Assert.Equal(new[] { "1", "2", "8" }, dst.Users.Keys);
            Assert.Equal(new byte[] { 0, 5 }, dst.FingersOf("1").Select(f => f.FingerIndex));
            Assert.Equal(new byte[] { 0, 1, 2 }, dst.FacesOf("1").Select(f => f.FaceId).OrderBy(x => x));
            Assert.Equal(SyncAction.Updated, report.Items.Single(i => i.UserId == "1").Action);
        }

        [Fact]
        public async Task Declined_writes_leave_those_users_alone_and_confirmed_ones_are_written()
        {
            var src = SeededFaceDevice("src", 3);
            var dst = new FakeSyncDevice("dst");
            var asked = new List<string>();
            var options = new SyncOptions
            {
                ConfirmWriteAsync = (c, _) =>
                {
                    asked.Add(c.UserId + " " + c.Action);
                    return Task.FromResult(c.UserId != "2");
                },
            };

            var report = await Sync(src, options, dst);

            Assert.Equal(
                new[] { "1 Add user 1", "2 Add user 2", "3 Add user 3" },
                asked.Select(a => a.Substring(0, a.IndexOf('(') - 1))
            );
            var declined = report.Items.Single(i => i.UserId == "2");
            Assert.Equal(
                (SyncItemStatus.Skipped, KindOutcome.Skipped, KindOutcome.Skipped),
                (declined.Status, declined.Users, declined.Faces)
            );
            Assert.Contains("not confirmed", declined.Notes);
            Assert.Equal(new[] { "1", "3" }, dst.Users.Keys.OrderBy(k => k));
            Assert.Empty(dst.FacesOf("2"));

            // Nothing left to write: nobody is asked and nothing is disabled.
            asked.Clear();
            var dst2 = new FakeSyncDevice("dst2");
            options.ConfirmWriteAsync = (c, _) => { asked.Add(c.UserId); return Task.FromResult(false); };
            var none = await Sync(src, options, dst2);
            Assert.Equal(3, asked.Count);
            Assert.Equal(0, dst2.DisableCount);
            Assert.Empty(dst2.Users);
            Assert.All(none.Items, i => Assert.Equal(SyncItemStatus.Skipped, i.Status));
        }

        [Fact]
        public async Task Without_mirror_extra_destination_biometrics_are_kept_and_noted()
        {
            var src = SeededFaceDevice("src", 1);
            var dst = new FakeSyncDevice("dst");
            await Sync(src, null, dst);
            dst.Seed(
                dst.Users["1"],
                Fingers(1, 7),
                Faces(1, 3).Concat(new[] { Protocol.Codecs.FaceRecordCodec.Build(1, 14, 1, Bytes(4, 50)) })
            );

            var item = (await Sync(src, null, dst)).Items.Single();

            Assert.Equal(SyncAction.Unchanged, item.Action);
            Assert.Contains("kept finger 7", item.Notes);
            Assert.Contains("kept face 14", item.Notes);
            Assert.Equal(3, dst.FingersOf("1").Count());
            Assert.Equal(0, (await Sync(src, null, dst)).Summaries[0].BytesUploaded);
        }

        [Fact]
        public async Task Capacity_failure_writes_nothing()
        {
            var src = SeededFaceDevice("src", 10);
            var dst = new FakeSyncDevice("dst") { UserCapacity = 4 };

            var report = await Sync(src, null, dst);

            Assert.Contains("only 4 fit", report.Summaries[0].Error);
            Assert.Empty(dst.Users);
            Assert.Equal(0, dst.DisableCount);
            Assert.Equal(0, report.Summaries[0].BytesUploaded);
            Assert.All(report.Items, i => Assert.Equal(SyncItemStatus.Failed, i.Status));
        }

        [Fact]
        public async Task WhatIf_reads_and_compares_but_writes_nothing()
        {
            var src = SeededFaceDevice("src", 3);
            var dst = new FakeSyncDevice("dst");
            dst.Seed(User("1"));

            var report = await Sync(src, new SyncOptions { WhatIf = true, Mirror = true }, dst);

            Assert.All(report.Items, i => Assert.True(i.WhatIf));
            Assert.Equal(SyncAction.Updated, report.Items.Single(i => i.UserId == "1").Action);
            Assert.Equal(2, report.Summaries[0].Added);
            Assert.Equal(new[] { "1" }, dst.Users.Keys);
            Assert.Equal(0, dst.DisableCount);
            Assert.Equal(0, report.Summaries[0].BytesUploaded);
        }

        [Fact]
        public async Task A_copy_takes_only_the_named_users_and_leaves_the_others()
        {
            var src = SeededFaceDevice("src", 6);
            var dst = new FakeSyncDevice("dst");
            dst.Seed(User("50"));

            var copy = new SyncOptions { UserIds = new[] { "2", "5" } };
            var report = await SyncEngine.RunAsync(SyncEndpoint.Of(src), new[] { SyncEndpoint.Of(dst) }, copy);

            Assert.Equal(new[] { "2", "5", "50" }, dst.Users.Keys.OrderBy(k => k));
            Assert.Equal(new[] { "2", "5" }, report.Items.Select(i => i.UserId));
        }

        [Fact]
        public async Task Two_endpoints_to_one_device_get_their_own_results_summaries_progress_and_questions()
        {
            var src = SeededFaceDevice("src", 3);
            var dst = new FakeSyncDevice("dst", Profiles.Face());
            dst.Seed(User("50"));
            SyncEndpoint first = SyncEndpoint.Of(dst), second = SyncEndpoint.Of(dst);
            var progress = new List<SyncProgress>();
            var asked = new List<SyncConfirmation>();
            var options = new SyncOptions
            {
                Mirror = true,
                ThrottleLimit = 1,
                Progress = new SynchronousProgress<SyncProgress>(p => { lock (progress) progress.Add(p); }),
                ConfirmAsync = (c, _) =>
                {
                    lock (asked) asked.Add(c);
                    return Task.FromResult(ReferenceEquals(c.Endpoint, first));
                },
            };

            var report = await SyncEngine.RunAsync(SyncEndpoint.Of(src), new[] { first, second }, options);

            // Both endpoints carry the same name; only the reference tells them apart.
            Assert.Equal(first.Name, second.Name);
            Assert.Equal(new[] { first, second }, report.Summaries.Select(s => s.Endpoint));
            Assert.Equal((3, 1), (report.Summaries[0].Added, report.Summaries[0].Removed));
            Assert.Equal((3, 0), (report.Summaries[1].Unchanged, report.Summaries[1].Removed));
            Assert.Equal(4, report.Items.Count(i => ReferenceEquals(i.Endpoint, first)));
            Assert.Equal(3, report.Items.Count(i => ReferenceEquals(i.Endpoint, second)));
            Assert.Equal(new[] { first }, asked.Select(c => c.Endpoint));
            Assert.Contains(progress, p => ReferenceEquals(p.Endpoint, first));
            Assert.Contains(progress, p => ReferenceEquals(p.Endpoint, second));
            Assert.Equal(new[] { "1", "2", "3" }, dst.Users.Keys.OrderBy(k => k));
        }

        [Fact]
        public async Task Sync_to_a_black_and_white_device_fails_non_numeric_ids_and_skips_biometrics_with_reasons()
        {
            var src = SeededFaceDevice("src", 2);
            src.Seed(User("AB7"));
            var dst = new FakeSyncDevice("dst", Profiles.Bw());

            var report = await Sync(src, null, dst);

            var bad = report.Items.Single(i => i.UserId == "AB7");
            Assert.Equal(SyncItemStatus.Failed, bad.Status);
            Assert.Contains("not a number", bad.Notes);
            var good = report.Items.Single(i => i.UserId == "1");
            Assert.Equal(SyncItemStatus.Succeeded, good.Status);
            Assert.Equal(
                (KindOutcome.Written, KindOutcome.Skipped, KindOutcome.Skipped, KindOutcome.Skipped),
                (good.Users, good.Fingerprints, good.Faces, good.Photos)
            );
            Assert.Equal(new[] { "1", "2" }, dst.Users.Keys);
        }

        [Fact]
        public async Task Results_stream_before_the_run_ends_in_batch_order()
        {
            var src = SeededFaceDevice("src", 7);
            var dst = new FakeSyncDevice("dst");
            var seenWhileRunning = new List<int>();
            var options = new SyncOptions { MediaBatchUsers = 2, OnItem = _ => seenWhileRunning.Add(dst.Calls.Count) };

            var report = await Sync(src, options, dst);

            Assert.Equal(7, seenWhileRunning.Count);
            // the first result came before the last device call
            Assert.True(seenWhileRunning.First() < dst.Calls.Count);
            Assert.Equal(new[] { "1", "2", "3", "4", "5", "6", "7" }, report.Items.Select(i => i.UserId));
        }

        [Fact]
        public async Task Oversized_photo_fails_only_the_photo()
        {
            var src = new FakeSyncDevice("src");
            src.Seed(User("1"), null, null, Photo(1, 40 * 1024));
            var dst = new FakeSyncDevice("dst");

            var item = (await Sync(src, null, dst)).Items.Single();

            Assert.Equal(KindOutcome.Failed, item.Photos);
            Assert.Equal(KindOutcome.Written, item.Users);
            Assert.Contains("40960 bytes; the destination takes at most 30720", item.Notes);
        }

        [Fact]
        public async Task Faces_and_photos_stream_a_batch_at_a_time_instead_of_reading_the_whole_source_first()
        {
            var src = SeededFaceDevice("src", 200, faces: 2);
            var dst = new FakeSyncDevice("dst");
            int read = 0,
                written = 0,
                maxLead = 0;
            src.BeforeCall = op =>
            {
                if (op.StartsWith("faces ", StringComparison.Ordinal))
                    maxLead = Math.Max(maxLead, ++read - written);
            };
            dst.BeforeCall = op =>
            {
                if (op.StartsWith("write-faces ", StringComparison.Ordinal))
                    written++;
            };

            // ThrottleLimit 1: a window of two batches, the one being written and the one read ahead.
            await Sync(src, new SyncOptions { MediaBatchUsers = 10, ThrottleLimit = 1 }, dst);

            Assert.Equal(200, read);
            Assert.Equal(200, written);
            Assert.InRange(maxLead, 11, 20); // the next batch is read ahead, never more than the window
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public async Task Each_source_users_faces_and_photo_are_read_once_per_run_whatever_the_throttle(int throttle)
        {
            var src = SeededFaceDevice("src", 40, faces: 2);
            var destinations = Enumerable.Range(1, 3).Select(i => new FakeSyncDevice("d"
                + i)
            { Asynchronous = true }).ToArray();

            var report = await Sync(src, new SyncOptions { MediaBatchUsers = 5, ThrottleLimit = throttle },
                destinations);

            Assert.All(report.Summaries, s => Assert.Equal(40, s.Added));
            foreach (var d in destinations)
                foreach (var id in src.Users.Keys)
                {
                    Assert.Equal(FaceTemplates(src, id), FaceTemplates(d, id));
                    Assert.Equal(src.PhotoOf(id), d.PhotoOf(id));
                }
            Assert.Equal(40, src.Calls.Count(c => c.StartsWith("faces ", StringComparison.Ordinal)));
            Assert.Equal(40, src.Calls.Count(c => c.StartsWith("photo ", StringComparison.Ordinal)));
        }

        /// <summary>Each face's id and template bytes (the record's uid is the device's own).</summary>
        private static IEnumerable<string> FaceTemplates(FakeSyncDevice d, string id) =>
            d.FacesOf(id).Select(f => f.FaceId + ":" + Convert.ToBase64String(f.Raw, 16, f.Raw.Length - 16));
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, out of order).</summary>
    internal sealed class SynchronousProgress<T> : IProgress<T>
    {
        private readonly Action<T> _report;
        public SynchronousProgress(Action<T> report) => _report = report;
        public void Report(T value) => _report(value);
    }
}
