using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Sync;

namespace ZkSync.Sync.Tests.EndToEnd
{
    /// <summary>
    /// Default destinations ACK writes they do not store, as firmware does. The verify read-back is what
    /// turns each such user into Failed with the reason; without it (-NoVerify) the same run reports Succeeded.
    /// </summary>
    public class SilentDropSyncTests
    {
        private static SyncItemResult[] WithData(
            SyncReport report,
            DeviceEmulator source,
            System.Func<DeviceEmulator, string, bool> has
        ) => report.Items.Where(i => has(source, i.UserId)).ToArray();

        private static bool HasFingerprints(DeviceEmulator e, string userId)
        {
            lock (e.State.Sync)
            {
                var user = e.State.FindUserByPin(userId);
                return user != null && e.State.Templates.Any(t => t.Uid == user.Uid);
            }
        }

        /// <summary>
        /// ZKFinger 9 firmware that does not answer ~ZKFPVersion: the engine cannot tell the algorithms differ, writes
        /// ZKFinger 10 templates, and the device ACKs the batch and keeps none of them.
        /// </summary>
        private static Task<DeviceEmulator> StartSilentZkFinger9Async(Emulators emus) =>
            emus.StartAsync("tft", configure: o =>
            {
                o.FingerprintVersion = 9;
                o.HiddenOptions = new[] { "~ZKFPVersion" };
            });

        /// <summary>ZKFinger 10 templates small enough for ZKFinger 9's 602 bytes, so only their algorithm gives them
        /// away.</summary>
        private static void ShrinkTemplates(DeviceEmulator e)
        {
            lock (e.State.Sync)
                foreach (var t in e.State.Templates.ToList())
                    e.State.PutTemplate(
                        new ZkSync.Emulator.Core.Device.StoredTemplate(
                            t.Uid,
                            t.Finger,
                            t.Flag,
                            t.Data.Take(520).ToArray()
                        )
                    );
        }

        [Fact]
        public async Task Other_algorithm_templates_a_device_drops_silently_fail_each_user_with_the_reason()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("tft", users: 8);
            var destination = await StartSilentZkFinger9Async(emus);
            ShrinkTemplates(source);
            using var observer = await Emulators.ObserveAsync(destination);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Emulators.Endpoint(destination) },
                new SyncOptions()
            );

            var fingered = WithData(report, source, HasFingerprints);
            Assert.NotEmpty(fingered);
            Assert.All(fingered, i =>
            {
                Assert.Equal(SyncItemStatus.Failed, i.Status);
                Assert.Equal(KindOutcome.Failed, i.Fingerprints);
                Assert.Contains("missing (the device acknowledged the write but did not keep it", i.Notes);
            });
            Assert.All(report.Items.Except(fingered), i => Assert.Equal(SyncItemStatus.Succeeded, i.Status));
            Assert.All(fingered, i => Assert.False(HasFingerprints(destination, i.UserId), i.UserId));
            Assert.True(destination.Log.Contains("ZKFinger 10 template"));
            Assert.False(destination.State.Disabled);
        }

        [Fact]
        public async Task Without_verify_the_same_silent_drops_are_reported_as_succeeded()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("tft", users: 4);
            var destination = await StartSilentZkFinger9Async(emus);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Emulators.Endpoint(destination) },
                new SyncOptions { Verify = false }
            );

            // This is what -NoVerify gives up: the device said OK, so the engine can only believe it.
            Assert.All(report.Items, i => Assert.Equal(SyncItemStatus.Succeeded, i.Status));
            lock (destination.State.Sync)
                Assert.Equal(0, destination.State.TemplateCount);
        }

        [Fact]
        public async Task Photos_a_device_would_drop_fail_their_users_with_the_reason_and_are_not_sent()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 3);
            var destination = await emus.StartAsync("face");
            string victim;
            lock (source.State.Sync)
            {
                victim = source.State.Photos.Keys.First();
                // firmware stores any bytes as a photo
                source.State.Photos[victim] = Enumerable.Repeat((byte)0x42, 3000).ToArray();
            }

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Emulators.Endpoint(destination) },
                new SyncOptions()
            );

            var item = report.Items.Single(i => i.UserId + ".jpg" == victim);
            Assert.Equal(SyncItemStatus.Failed, item.Status);
            Assert.Equal(KindOutcome.Failed, item.Photos);
            Assert.Contains("photo", item.Notes);
            Assert.All(report.Items.Where(i => i != item), i => Assert.Equal(SyncItemStatus.Succeeded, i.Status));
            // The engine checks the JPEG before sending, so the drop never happens: the user fails up front, with the
            // reason.
            Assert.Contains("not a JPEG", item.Notes);
            lock (destination.State.Sync) Assert.False(destination.State.Photos.ContainsKey(victim));
        }

        [Theory]
        [InlineData(ZkSync.Protocol.Framing.CommandCode.UserPhotoWrite, "verify: photo differs")]
        [InlineData(ZkSync.Protocol.Framing.CommandCode.UserFaceWrite, "verify: face")]
        [InlineData(ZkSync.Protocol.Framing.CommandCode.ApplyUploadBuffer, "verify: user is not on the destination")]
        public async Task Damaged_uploads_acked_and_dropped_fail_every_user_with_the_reason(
            ushort command,
            string reason
        )
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 4);
            var destination = await emus.StartAsync("face",
                configure: o => o.Faults = new FaultOptions { DamageUploadOf = command });
            using var observer = await Emulators.ObserveAsync(destination);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Emulators.Endpoint(destination) },
                new SyncOptions()
            );

            Assert.Equal(4, report.Items.Count);
            Assert.All(report.Items, i =>
            {
                Assert.Equal(SyncItemStatus.Failed, i.Status);
                Assert.Contains(reason, i.Notes);
            });
            lock (destination.State.Sync)
            {
                // What each failed user lacks on the device itself, by the kind the damaged command carried.
                var state = destination.State;
                if (command == ZkSync.Protocol.Framing.CommandCode.ApplyUploadBuffer)
                    Assert.Equal(0, state.UserCount);
                if (command == ZkSync.Protocol.Framing.CommandCode.UserFaceWrite)
                    Assert.Equal(0, state.UsersWithFaces);
                if (command == ZkSync.Protocol.Framing.CommandCode.UserPhotoWrite)
                    Assert.Empty(state.Photos);
            }
            Assert.True(destination.Log.Contains("ACKed and dropped (as firmware): upload buffer not completely"));
            Assert.False(destination.State.Disabled);
        }

        [Fact]
        public async Task Faces_refused_at_face_capacity_fail_their_users_with_the_reason()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 3);
            // ~MaxFaceCount 0: the device reports no face capacity, so nothing stops the writes; it refuses each new
            // face user (CMD_ACK_ERROR, as FW commu.c 1141-1145).
            var destination = await emus.StartAsync("face", configure: o => o.MaxFaceCount = 0);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Emulators.Endpoint(destination) },
                new SyncOptions()
            );

            Assert.Equal(3, report.Items.Count);
            Assert.All(report.Items, i =>
            {
                Assert.Equal(SyncItemStatus.Failed, i.Status);
                Assert.Equal(KindOutcome.Failed, i.Faces);
                Assert.Contains("face", i.Notes);
            });
            lock (destination.State.Sync) Assert.Equal(0, destination.State.UsersWithFaces);
            Assert.True(destination.Log.Contains("face capacity"));
        }
    }
}
