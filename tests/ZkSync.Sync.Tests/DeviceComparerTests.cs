using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Sync;
using ZkSync.Sync.Tests.Fakes;
using static ZkSync.Sync.Tests.Fakes.TestData;

namespace ZkSync.Sync.Tests
{
    public class DeviceComparerTests
    {
        [Fact]
        public async Task Reports_equal_different_and_one_sided_users_with_the_kinds_that_differ()
        {
            var a = SeededFaceDevice("a", 4);
            var b = new FakeSyncDevice("b");
            await SyncEngine.RunAsync(a, new[] { b }, new SyncOptions());
            a.Seed(User("9"));
            b.Seed(User("10"));
            var two = b.Users["2"].Clone();
            two.Name = "Renamed";
            b.Seed(two);
            b.Seed(b.Users["3"], null, null, Photo(77, 1000));

            var streamed = 0;
            var result = await DeviceComparer.CompareAsync(a, b, new SyncOptions(), _ => streamed++);

            Assert.Equal(6, streamed);
            var byId = result.ToDictionary(r => r.UserId);
            Assert.Equal(DeviceComparisonStatus.Equal, byId["1"].Status);
            Assert.Equal(SyncDataKinds.Users, byId["2"].DifferentKinds);
            Assert.Equal("Name differs", byId["2"].Details);
            Assert.Equal(SyncDataKinds.Photos, byId["3"].DifferentKinds);
            Assert.Equal(DeviceComparisonStatus.ReferenceOnly, byId["9"].Status);
            Assert.Equal(DeviceComparisonStatus.DifferenceOnly, byId["10"].Status);
        }

        [Fact]
        public async Task Compare_agrees_with_the_sync_planner_after_a_truncating_sync()
        {
            var a = new FakeSyncDevice("a");
            a.Seed(User("5", "A rather long name"));
            var b = new FakeSyncDevice("b", Profiles.Bw());
            await SyncEngine.RunAsync(a, new[] { b }, new SyncOptions { AllowTruncation = true });

            var result = await DeviceComparer.CompareAsync(a, b, new SyncOptions { Kinds = SyncDataKinds.Users });

            Assert.Equal(DeviceComparisonStatus.Equal, result.Single().Status);
            Assert.Equal("A rather", b.Users["5"].Name);
        }
    }
}
