using System.Linq;
using Xunit;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;
using ZkSync.Sync;
using ZkSync.Sync.Tests.Fakes;
using static ZkSync.Sync.Tests.Fakes.TestData;

namespace ZkSync.Sync.Tests
{
    public class EqualityTests
    {
        [Fact]
        public void Faces_are_equal_whatever_the_uid_field_says()
        {
            var template = Bytes(5, 1214);
            var a = FaceRecordCodec.Build(3, 4, 1, template);
            var b = FaceRecordCodec.Build(4000, 4, 1, template);
            Assert.NotEqual(a.Uid, b.Uid);
            Assert.True(SyncEquality.FaceEqual(a, b));

            var raw = (byte[])b.Raw.Clone();
            raw[16 + 100] ^= 1;
            Assert.False(SyncEquality.FaceEqual(a, new ZkFaceRecord(raw)));
            var header = (byte[])b.Raw.Clone();
            header[12] ^= 1; // verification count is part of the record
            Assert.False(SyncEquality.FaceEqual(a, new ZkFaceRecord(header)));
        }

        [Fact]
        public void Face_sets_compare_by_face_id_and_ignore_learned_faces_by_default()
        {
            var source = Faces(1, 3).ToList();
            var dest = Faces(1, 3).Select(f => new ZkFaceRecord(FaceRecordCodec.WithUid(f.Raw, 77))).ToList();
            dest.Add(FaceRecordCodec.Build(77, 31, 0, Bytes(9, 100)));
            Assert.True(SyncEquality.Faces(source, dest, includeLearned: false).IsEqual);

            var withLearned = SyncEquality.Faces(source, dest, includeLearned: true);
            Assert.Equal("face 31 only on the destination", Assert.Single(withLearned.Details));

            dest.RemoveAt(1);
            var diff = SyncEquality.Faces(source, dest, false);
            Assert.Equal(1, diff.Missing.Single().FaceId);
            Assert.Equal("face 1 missing", diff.Details.Single());
        }

        [Fact]
        public void Photos_compare_by_sha256()
        {
            var p = Photo(1);
            Assert.True(SyncEquality.PhotoEqual(p, (byte[])p.Clone()));
            var q = (byte[])p.Clone();
            q[500] ^= 1;
            Assert.False(SyncEquality.PhotoEqual(p, q));
            Assert.False(SyncEquality.PhotoEqual(p, null));
            Assert.True(SyncEquality.PhotoEqual(null, System.Array.Empty<byte>()));
            Assert.Equal(32, SyncEquality.PhotoHash(p)!.Length);
        }

        [Fact]
        public void Fingerprints_compare_index_flag_as_stored_and_template()
        {
            var t = Bytes(3, 600);
            var a = new[] { new ZkFingerprint(1, 2, 0, t) };
            Assert.True(
                SyncEquality.Fingerprints(a, new[] { new ZkFingerprint(900, 2, 1, (byte[])t.Clone()) }).IsEqual
            );
            Assert.False(SyncEquality.Fingerprints(a, new[] { new ZkFingerprint(1, 2, 3, t) }).IsEqual);

            var changed = (byte[])t.Clone();
            changed[0] ^= 1;
            var diff = SyncEquality.Fingerprints(a, new[] { new ZkFingerprint(1, 2, 1, changed) });
            Assert.Equal("template of finger 2 differs", diff.Details.Single());
        }

        [Fact]
        public void Every_stored_user_field_but_the_uid_is_compared()
        {
            var a = User("5", "Ann", card: 42);
            var b = a.Clone();
            b.Uid = 900;
            b.TimeZones = new byte[2]; // zero-filled: what a record without time zones holds
            Assert.Empty(SyncEquality.UserDifferences(a, b));
            b.Card = 43;
            b.Privilege = ZkPrivilege.Admin;
            b.Password = "1";
            b.Enabled = false;
            b.Group = 7;
            b.Name = "Bob";
            b.TimeZones = new byte[] { 0, 0, 1, 0 }; // an access schedule: losing it is a difference
            Assert.Equal(
                new[] { "Name", "Password", "Privilege", "Enabled", "Card", "Group", "TimeZones" },
                SyncEquality.UserDifferences(a, b)
            );
        }

        [Fact]
        public async System.Threading.Tasks.Task A_lost_access_schedule_is_planned_as_an_update_and_compared_differ()
        {
            var src = new FakeSyncDevice("src");
            var dst = new FakeSyncDevice("dst");
            var scheduled = User("1");
            scheduled.TimeZones = new byte[] { 1, 0, 2, 0, 0, 0, 0, 0 };
            src.Seed(scheduled);
            dst.Seed(User("1"));

            var plan = SyncPlanner.Plan(
                await DeviceSnapshot.ReadAsync(src, true, default),
                await DeviceSnapshot.ReadAsync(dst, true, default),
                DestinationProfile.Of(dst),
                new SyncOptions()
            );
            var comparison = (await DeviceComparer.CompareAsync(src, dst, new SyncOptions())).Single();

            Assert.Equal(new[] { "TimeZones" }, plan.SourceUsers.Single().ChangedFields);
            Assert.Equal(DeviceComparisonStatus.Different, comparison.Status);
        }

        [Theory]
        [InlineData("10*", "10", true)]
        [InlineData("10*", "1045", true)]
        [InlineData("10*", "110", false)]
        [InlineData("1?3", "123", true)]
        [InlineData("1?3", "13", false)]
        [InlineData("*5", "12345", true)]
        [InlineData("*", "", true)]
        [InlineData("a*b*c", "axxbyyc", true)]
        [InlineData("a*b*c", "axxbyy", false)]
        [InlineData("42", "42", true)]
        [InlineData("42", "420", false)]
        public void Wildcards_match_like_powershell(string pattern, string id, bool match) =>
            Assert.Equal(match, UserIdFilter.Matches(pattern, id));

        [Fact]
        public void Filter_without_includes_takes_everyone_but_the_excluded()
        {
            var f = new UserIdFilter(null, new[] { "9*" });
            Assert.True(f.Includes("1"));
            Assert.False(f.Includes("91"));
            Assert.Empty(f.ExactIds);
        }
    }
}
