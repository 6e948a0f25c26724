using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Framing;
using ZkSync.Sync;

namespace ZkSync.Sync.Tests.EndToEnd
{
    /// <summary>
    /// With Verify on every written item is read back, so the sync sends no 119 hash check; with Verify off the hash is
    /// the only check and is sent. A destination that refuses 119 tells the two apart.
    /// </summary>
    public class UploadHashTests
    {
        [Fact]
        public async Task A_verified_sync_sends_no_hash_check_and_the_callers_client_keeps_checking()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 4);
            var destination = await emus.StartAsync("face", configure: o =>
                o.Faults = new FaultOptions { ErrorCommand = CommandCode.HashData }
            );
            using var client = await Emulators.ConnectAsync(destination);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { SyncEndpoint.Of(new ZkClientSyncDevice(client)) },
                new SyncOptions()
            );

            Assert.Null(report.Summaries[0].Error);
            Assert.Equal(4, report.Summaries[0].Added);
            Assert.All(report.Items, i => Assert.Equal(SyncItemStatus.Succeeded, i.Status));
            // The hash check is chosen per call: the caller's own writes on the same client still send it, and are
            // refused.
            var photo = new byte[] { 0xFF, 0xD8, 0x01, 0xFF, 0xD9 };
            await Assert.ThrowsAsync<ZkSync.Protocol.Errors.ZkDeviceErrorException>(() =>
                client.SetPhotoAsync(report.Items[0].UserId, photo)
            );
            await client.CloseAsync();
        }

        [Fact]
        public async Task An_unverified_sync_keeps_the_hash_check()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 2);
            var destination = await emus.StartAsync("face", configure: o =>
                o.Faults = new FaultOptions { ErrorCommand = CommandCode.HashData }
            );

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Emulators.Endpoint(destination) },
                new SyncOptions { Verify = false }
            );

            Assert.True(
                report.Summaries[0].Error != null || report.Items.Any(i => i.Status == SyncItemStatus.Failed),
                "a refused hash check must fail the unverified upload"
            );
            Assert.Empty(destination.State.Users);
        }
    }
}
