using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Errors;
using ZkSync.Sync;
using ZkSync.Sync.Tests.Fakes;
using static ZkSync.Sync.Tests.Fakes.TestData;

namespace ZkSync.Sync.Tests
{
    /// <summary>A run cut off between steps leaves no usable half-written user; the next run completes it.</summary>
    public class InterruptedSyncTests
    {
        [Theory]
        [InlineData("write-faces")]
        [InlineData("set-photo")]
        public async Task New_users_stay_disabled_until_their_faces_and_photo_are_in(string failingStep)
        {
            var src = SeededFaceDevice("src", 6);
            bool broken = true;
            var dst = new FakeSyncDevice("dst")
            {
                BeforeCall = op =>
                {
                    if (broken && op.StartsWith(failingStep, StringComparison.Ordinal))
                        throw new ZkConnectionException("reset by peer", "dst");
                },
            };

            var cut = await SyncEngine.RunAsync(src, new[] { dst }, new SyncOptions());

            Assert.Contains("reset by peer", cut.Summaries.Single().Error);
            Assert.Equal(6, cut.Items.Count); // one item per user: Assert.All over none would pass
            Assert.All(cut.Items, i => Assert.Equal(SyncItemStatus.Failed, i.Status));
            Assert.Equal(6, dst.Users.Count); // written with their fingerprints in one batch...
            Assert.All(dst.Users.Values, u => Assert.False(u.Enabled)); // ...but not usable before faces and photo
            Assert.All(src.Users.Keys, id => Assert.Equal(src.FingersOf(id).Count(), dst.FingersOf(id).Count()));
            Assert.False(dst.IsDisabled);

            broken = false;
            var rerun = await SyncEngine.RunAsync(src, new[] { dst }, new SyncOptions());
            Assert.Null(rerun.Summaries.Single().Error);
            Assert.Equal(6, rerun.Items.Count);
            Assert.All(rerun.Items, i => Assert.Equal(SyncItemStatus.Succeeded, i.Status));
            Assert.All(dst.Users.Values, u => Assert.True(u.Enabled));

            var again = await SyncEngine.RunAsync(src, new[] { dst }, new SyncOptions());
            Assert.Equal(6, again.Items.Count);
            Assert.All(again.Items, i => Assert.Equal(SyncAction.Unchanged, i.Action));
        }

        [Fact]
        public async Task A_user_left_disabled_by_an_interrupted_run_is_enabled_only_once_its_faces_are_in()
        {
            var src = SeededFaceDevice("src", 3);
            var dst = new FakeSyncDevice("dst")
            {
                BeforeCall = op =>
                {
                    if (op == "write-faces 2")
                        throw new ZkConnectionException("reset by peer", "dst");
                },
            };
            await SyncEngine.RunAsync(src, new[] { dst }, new SyncOptions());
            Assert.False(dst.Users["2"].Enabled); // the placeholder of the cut run: it comes back Updated

            dst.BeforeCall = op =>
            {
                if (op == "write-faces 2")
                    throw new ZkDeviceErrorException("refused", 2001, 0, "dst");
            };
            var rerun = await SyncEngine.RunAsync(src, new[] { dst }, new SyncOptions());

            var two = rerun.Items.Single(i => i.UserId == "2");
            Assert.Equal((SyncAction.Updated, SyncItemStatus.Failed), (two.Action, two.Status));
            Assert.Contains("left disabled", two.Notes);
            Assert.False(dst.Users["2"].Enabled); // not enabled before (or without) its faces
        }

        [Fact]
        public async Task A_new_user_whose_faces_the_device_refuses_stays_disabled_and_says_so()
        {
            var src = SeededFaceDevice("src", 3);
            var dst = new FakeSyncDevice("dst")
            {
                BeforeCall = op =>
                {
                    if (op == "write-faces 2")
                        throw new ZkDeviceErrorException("refused", 2001, 0, "dst");
                },
            };

            var report = await SyncEngine.RunAsync(src, new[] { dst }, new SyncOptions());

            var two = report.Items.Single(i => i.UserId == "2");
            Assert.Equal(
                (KindOutcome.Failed, KindOutcome.Failed, SyncItemStatus.Failed),
                (two.Users, two.Faces, two.Status)
            );
            Assert.Contains("left disabled", two.Notes);
            Assert.False(dst.Users["2"].Enabled);
            Assert.True(dst.Users["1"].Enabled && dst.Users["3"].Enabled);
        }
    }
}
