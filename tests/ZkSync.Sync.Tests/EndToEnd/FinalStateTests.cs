using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Emulator.Core.Device;
using ZkSync.Protocol.Framing;
using ZkSync.Sync;

namespace ZkSync.Sync.Tests.EndToEnd
{
    /// <summary>
    /// "Succeeded" is judged here by what the destination emulator stores (<see cref="StoredStateDifferences"/>), never
    /// by the engine's own comparer: a destination that ACKs and drops one chosen write must not turn into a Succeeded
    /// user the device does not hold as the source does.
    /// </summary>
    public class FinalStateTests
    {
        /// <summary>
        /// Every user reported Succeeded is held by the destination exactly as by the source, enabled.
        /// </summary>
        internal static void AssertSucceededMeansStored(
            SyncReport report,
            DeviceEmulator source,
            DeviceEmulator destination
        )
        {
            var lies = report
                .Items.Where(i => i.Status == SyncItemStatus.Succeeded && i.Action != SyncAction.Kept)
                .Select(i => (i.UserId, Differences: StoredStateDifferences.Of(source, destination, i.UserId)))
                .Where(x => x.Differences.Count > 0)
                .Select(x => $"{x.UserId}: {string.Join(", ", x.Differences)}")
                .ToList();
            Assert.True(
                lies.Count == 0,
                "reported Succeeded but not held as the source holds it: " + string.Join("; ", lies)
            );
        }

        [Fact]
        public async Task The_dropped_write_that_enables_staged_users_fails_them_unless_a_resend_enables_them()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 20);
            // The first batch write after the first face write is the one that enables the users staged disabled.
            var destination = await emus.StartAsync("face", configure: o =>
                o.Faults = new FaultOptions
                {
                    AckAndDropCommand = CommandCode.ApplyUploadBuffer,
                    AckAndDropAfterCommand = CommandCode.UserFaceWrite,
                }
            );
            using var observer = await Emulators.ObserveAsync(destination);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Emulators.Endpoint(destination) },
                new SyncOptions { MediaBatchUsers = 8 }
            );

            Assert.Equal(20, report.Items.Count);
            Assert.Contains("ACKed and dropped", string.Join("\n", destination.Log.Entries));
            AssertSucceededMeansStored(report, source, destination);
            // the one re-send enabled them
            Assert.All(report.Items, i => Assert.Equal(SyncItemStatus.Succeeded, i.Status));
            Assert.Contains(report.Items, i =>
                i.Notes.Contains("the first write did not hold", System.StringComparison.Ordinal)
            );
            Assert.True(report.Summaries[0].Verified);
            Assert.False(destination.State.Disabled);
        }

        [Fact]
        public async Task A_destination_that_drops_every_enabling_write_fails_those_users_with_what_it_holds()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 4);
            var destination = await emus.StartAsync("face", configure: o => o.Faults = new FaultOptions
            {
                AckAndDropCommand = CommandCode.ApplyUploadBuffer,
                AckAndDropAfterCommand = CommandCode.UserFaceWrite,
            });
            // The enabling write and its re-send: the second and third batch writes after the first face write.
            int drops = 0;
            destination.Log.Logged += line =>
            {
                if (line.Contains("ACKed and dropped", System.StringComparison.Ordinal) && ++drops == 1)
                    destination.SetFaults(new FaultOptions { AckAndDropCommand = CommandCode.ApplyUploadBuffer });
            };

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Emulators.Endpoint(destination) },
                new SyncOptions()
            );

            AssertSucceededMeansStored(report, source, destination);
            Assert.All(report.Items, i =>
            {
                Assert.Equal(SyncItemStatus.Failed, i.Status);
                Assert.Contains("verify: the destination holds the user disabled (sent twice)", i.Notes);
            });
            Assert.False(report.Summaries[0].Verified && report.Items.Any(i => i.Verified));
        }

        [Theory]
        [InlineData(CommandCode.UserFaceWrite)]
        [InlineData(CommandCode.UserPhotoWrite)]
        public async Task One_dropped_face_or_photo_write_is_never_a_Succeeded_user(ushort command)
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 6);
            var destination = await emus.StartAsync("face", configure: o =>
                o.Faults = new FaultOptions { AckAndDropCommand = command }
            );

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Emulators.Endpoint(destination) },
                new SyncOptions()
            );

            Assert.Equal(6, report.Items.Count);
            AssertSucceededMeansStored(report, source, destination);
            Assert.Single(report.Items, i => i.Status == SyncItemStatus.Failed);
        }
    }
}
