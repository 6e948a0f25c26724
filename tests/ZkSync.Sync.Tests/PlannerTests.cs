using System.Linq;
using System.Threading;
using Xunit;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;
using ZkSync.Sync;
using ZkSync.Sync.Tests.Fakes;
using static ZkSync.Sync.Tests.Fakes.TestData;

namespace ZkSync.Sync.Tests
{
    public class PlannerTests
    {
        private static DeviceSnapshot Snap(FakeSyncDevice d) =>
            DeviceSnapshot.ReadAsync(d, true, CancellationToken.None).GetAwaiter().GetResult();

        private static SyncPlan Plan(FakeSyncDevice source, FakeSyncDevice destination, SyncOptions? options = null) =>
            SyncPlanner.Plan(
                Snap(source),
                Snap(destination),
                DestinationProfile.Of(destination),
                options ?? new SyncOptions()
            );

        private static UserPlan For(SyncPlan plan, string id) => plan.All.Single(p => p.UserId == id);

        [Fact]
        public void Classifies_added_changed_unchanged_and_destination_only_users()
        {
            var src = new FakeSyncDevice("src");
            var dst = new FakeSyncDevice("dst");
            src.Seed(User("1"), Fingers(1, 0));
            src.Seed(User("2"), Fingers(2, 0));
            src.Seed(User("3", "New name"));
            dst.Seed(User("2"), Fingers(2, 0));
            dst.Seed(User("3", "Old name"));
            dst.Seed(User("4"));

            var plan = Plan(src, dst);

            Assert.Equal(SyncAction.Added, For(plan, "1").Action);
            Assert.True(For(plan, "1").WriteUserRecord);
            Assert.Single(For(plan, "1").FingerprintsToWrite);
            var same = For(plan, "2");
            Assert.False(same.NeedsBatch);
            Assert.Equal(KindOutcome.Unchanged, same.Outcome(SyncDataKinds.Users));
            Assert.Equal(KindOutcome.Unchanged, same.Outcome(SyncDataKinds.Fingerprints));
            var changed = For(plan, "3");
            Assert.Equal(new[] { "Name" }, changed.ChangedFields);
            Assert.Equal(KindOutcome.Written, changed.Outcome(SyncDataKinds.Users));
            Assert.Equal(SyncAction.Kept, For(plan, "4").Action);
            Assert.Empty(plan.Removals);
        }

        [Fact]
        public void Mirror_removes_destination_only_users_and_extra_fingers()
        {
            var src = new FakeSyncDevice("src");
            var dst = new FakeSyncDevice("dst");
            src.Seed(User("1"), Fingers(1, 0));
            dst.Seed(User("1"), Fingers(1, 0, 3));
            dst.Seed(User("9"), Fingers(9, 1, 2));

            var kept = Plan(src, dst);
            Assert.Empty(For(kept, "1").FingerprintsToDelete);
            Assert.Contains("kept finger 3", string.Join(";", For(kept, "1").Notes));

            var plan = Plan(src, dst, new SyncOptions { Mirror = true });
            Assert.Equal(SyncAction.Removed, For(plan, "9").Action);
            Assert.Equal(2, For(plan, "9").FingerprintsToDelete.Count);
            Assert.Equal(new byte[] { 3 }, For(plan, "1").FingerprintsToDelete.Select(f => f.FingerIndex));
        }

        [Fact]
        public void Long_name_fails_unless_truncation_is_allowed_then_is_cut_to_the_destination_field()
        {
            var src = new FakeSyncDevice("src");
            var dst = new FakeSyncDevice("dst", Profiles.Bw());
            src.Seed(User("12", "Alexandria Smith"));

            var refused = For(Plan(src, dst, new SyncOptions { Kinds = SyncDataKinds.Users }), "12");
            Assert.NotNull(refused.Refusal);
            Assert.Contains("holds 8", refused.Notes.Single());

            var cut = For(
                Plan(src, dst, new SyncOptions { Kinds = SyncDataKinds.Users, AllowTruncation = true }),
                "12"
            );
            Assert.Null(cut.Refusal);
            Assert.Equal("Alexandr", cut.Prepared!.ToWrite!.Name);
            Assert.Contains("stored as 'Alexandr'", cut.Notes.Single());
        }

        [Fact]
        public void Truncated_name_already_on_destination_counts_as_unchanged()
        {
            var src = new FakeSyncDevice("src");
            var dst = new FakeSyncDevice("dst", Profiles.Bw());
            src.Seed(User("12", "Alexandria Smith"));
            dst.Seed(User("12", "Alexandr"));

            var plan = For(
                Plan(src, dst, new SyncOptions { AllowTruncation = true, Kinds = SyncDataKinds.Users }),
                "12"
            );

            Assert.False(plan.WriteUserRecord);
            Assert.Equal(KindOutcome.Unchanged, plan.Outcome(SyncDataKinds.Users));
        }

        [Fact]
        public void Non_numeric_user_id_fails_only_that_user_on_a_28_byte_destination()
        {
            var src = new FakeSyncDevice("src");
            var dst = new FakeSyncDevice("dst", Profiles.Bw());
            src.Seed(User("A12"));
            src.Seed(User("13"));

            var plan = Plan(src, dst, new SyncOptions { Kinds = SyncDataKinds.Users });

            Assert.NotNull(For(plan, "A12").Refusal);
            Assert.Contains("not a number", For(plan, "A12").Notes.Single());
            Assert.Null(For(plan, "13").Refusal);
            Assert.Equal(SyncAction.Added, For(plan, "13").Action);
        }

        [Fact]
        public void Different_fingerprint_algorithm_and_missing_face_and_photo_support_skip_those_kinds_for_every_user()
        {
            var src = TestData.SeededFaceDevice("src", 3);
            var dst = new FakeSyncDevice("dst", Profiles.Bw());

            var plan = Plan(src, dst);

            Assert.Equal(3, plan.SourceUsers.Count);
            Assert.All(plan.SourceUsers, p =>
            {
                Assert.Equal(KindOutcome.Skipped, p.Outcome(SyncDataKinds.Fingerprints));
                Assert.Equal(KindOutcome.Skipped, p.Outcome(SyncDataKinds.Faces));
                Assert.Equal(KindOutcome.Skipped, p.Outcome(SyncDataKinds.Photos));
                Assert.Empty(p.FingerprintsToWrite);
                Assert.False(p.ComparesFaces);
                Assert.Contains(p.Notes, n =>
                    n.Contains("fingerprint algorithm differs (source ZKFinger 10, destination ZKFinger 9)")
                );
                Assert.Contains(p.Notes, n => n.Contains("no face function"));
            });
        }

        [Fact]
        public void Different_face_versions_skip_faces()
        {
            var caps = Profiles.Face();
            caps.FaceAlgorithm = 8;
            var plan = Plan(TestData.SeededFaceDevice("src", 1), new FakeSyncDevice("dst", caps));
            Assert.Equal(KindOutcome.Skipped, plan.SourceUsers[0].Outcome(SyncDataKinds.Faces));
            Assert.Contains("face algorithm differs", plan.Support.SkipReason(SyncDataKinds.Faces));
        }

        [Fact]
        public void Capacity_too_small_is_refused_before_writing_and_says_how_many_fit()
        {
            var src = TestData.SeededFaceDevice("src", 10);
            var dst = new FakeSyncDevice("dst") { UserCapacity = 5, FingerprintCapacity = 9 };
            dst.Seed(User("100"), Fingers(100, 0));
            dst.Seed(User("101"));
            dst.Seed(User("102"));
            var plan = Plan(src, dst);

            var ex = Assert.Throws<ZkCapacityException>(() =>
                CapacityCheck.ThrowIfTooSmall(plan, Snap(src), Snap(dst))
            );

            Assert.Contains("adds 10 users but only 2 fit (capacity 5)", ex.Message);
            Assert.Contains("adds 20 fingerprint templates but only 8 fit", ex.Message);
            Assert.Contains("Nothing was written", ex.Message);
        }

        [Fact]
        public void Confirmed_mirror_removals_make_room()
        {
            var src = new FakeSyncDevice("src");
            src.Seed(User("1"));
            src.Seed(User("2"));
            var dst = new FakeSyncDevice("dst") { UserCapacity = 2 };
            dst.Seed(User("8"));
            dst.Seed(User("9"));

            Assert.NotEmpty(CapacityCheck.Problems(Plan(src, dst), Snap(src), Snap(dst)));
            Assert.Empty(
                CapacityCheck.Problems(Plan(src, dst, new SyncOptions { Mirror = true }), Snap(src), Snap(dst))
            );
        }

        [Fact]
        public void Face_capacity_counts_new_users_capped_by_source_users_with_faces()
        {
            var src = TestData.SeededFaceDevice("src", 6);
            var dst = new FakeSyncDevice("dst") { FaceCapacity = 4 };
            var problems = CapacityCheck.Problems(Plan(src, dst), Snap(src), Snap(dst));
            Assert.Contains(problems, p => p.Contains("adds 6 users with faces but only 4 fit"));
        }

        [Fact]
        public void Filters_by_pattern_and_exclusion_and_reports_named_ids_found_nowhere()
        {
            var src = new FakeSyncDevice("src");
            foreach (var id in new[] { "1", "10", "11", "12", "2", "20" })
                src.Seed(User(id));
            var dst = new FakeSyncDevice("dst");
            dst.Seed(User("13"));
            dst.Seed(User("3"));

            var plan = Plan(
                src,
                dst,
                new SyncOptions { UserIds = new[] { "1*", "77" }, ExcludeUserIds = new[] { "12" } }
            );

            Assert.Equal(new[] { "1", "10", "11" }, plan.SourceUsers.Select(p => p.UserId));
            Assert.Equal(new[] { "13" }, plan.DestinationOnly.Select(p => p.UserId));
            var missing = Assert.Single(plan.NotFound);
            Assert.Equal("77", missing.UserId);
            Assert.NotNull(missing.Refusal);
        }

        [Fact]
        public void Users_missing_on_destination_are_skipped_when_the_users_kind_is_excluded()
        {
            var src = new FakeSyncDevice("src");
            src.Seed(User("1"), Fingers(1, 0));
            src.Seed(User("2"), Fingers(2, 0, 1));
            var dst = new FakeSyncDevice("dst");
            dst.Seed(User("2", "Other name"), Fingers(2, 0));

            var plan = Plan(src, dst, new SyncOptions { Kinds = SyncDataKinds.Fingerprints });

            Assert.NotNull(For(plan, "1").SkipReason);
            var two = For(plan, "2");
            Assert.False(two.WriteUserRecord);
            // the destination's record is sent back unchanged
            Assert.Equal("Other name", UserBatcher.Entry(two, staged: false).User.Name);
            Assert.Equal(new byte[] { 1 }, two.FingerprintsToWrite.Select(f => f.FingerIndex));
        }
    }
}
