using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>CMD_REFRESHDATA after writes: at once while the device is enabled, once before enabling while it is
    /// disabled.</summary>
    public class RefreshTests
    {
        private static readonly byte[] Photo = { 0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9 };

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task A_write_on_an_enabled_device_is_refreshed_at_once(ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync("face", kind, users: 2);
            var user = (await d.Client.GetUsersAsync())[0];
            await d.Client.SetPhotoAsync(user.UserId, Photo);
            Assert.False(d.Emulator.State.RefreshPending);
            Assert.False(d.Client.RefreshPending);
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Writes_while_disabled_owe_one_refresh_that_goes_out_before_enabling(ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync("face", kind, users: 3);
            var c = d.Client;
            var users = await c.GetUsersAsync();
            var faces = await c.GetFacesAsync(users[0].UserId);

            await c.DisableAsync();
            await c.SetUserAsync(new ZkUser { UserId = "9001", Name = "New" });
            await c.WriteFacesAsync(users[1].UserId, faces.Take(3).ToList(), exact: true);
            await c.SetPhotoAsync(users[2].UserId, Photo);
            Assert.True(d.Emulator.State.RefreshPending); // stored, not yet loaded by the matchers
            Assert.True(c.RefreshPending);
            Assert.Equal(3, (await c.GetFacesAsync(users[1].UserId)).Count); // reads see the data already

            await c.EnableAsync();
            Assert.False(d.Emulator.State.RefreshPending);
            Assert.False(d.Emulator.State.Disabled);
            Assert.False(c.RefreshPending);
        }

        [Fact]
        public async Task A_long_run_of_disabled_writes_is_refreshed_every_fifty_writes()
        {
            await using var d = await Emulated.OpenAsync("face", ZkTransportKind.Tcp, users: 1);
            var user = (await d.Client.GetUsersAsync())[0].UserId;
            await d.Client.DisableAsync();
            for (int i = 1; i < ZkDeviceClient.MaxWritesPerRefresh; i++) await d.Client.SetPhotoAsync(user, Photo);
            Assert.True(d.Emulator.State.RefreshPending);
            await d.Client.SetPhotoAsync(user, Photo); // the 50th
            Assert.False(d.Emulator.State.RefreshPending);
            Assert.False(d.Client.RefreshPending);
            Assert.True(d.Emulator.State.Disabled);
            await d.Client.EnableAsync();
        }

        [Theory]
        [InlineData(true, 4)] // 1500, 1501, 119, 10009
        [InlineData(false, 3)] // 1500, 1501, 10009
        public async Task Disabled_uploads_keep_the_buffer_and_release_it_once_before_enabling(
            bool checkHash,
            int requestsPerPhoto
        )
        {
            await using var d = await Emulated.OpenAsync("face", ZkTransportKind.Tcp, users: 2);
            var users = await d.Client.GetUsersAsync();
            var check = checkHash ? ZkUploadCheck.Hash : ZkUploadCheck.CallerReadsBack;
            await d.Client.DisableAsync();
            d.Emulator.Counters.Reset();
            await d.Client.SetPhotoAsync(users[0].UserId, Photo, check);
            await d.Client.SetPhotoAsync(users[1].UserId, Photo, check);
            Assert.Equal(2 * requestsPerPhoto, d.Emulator.Counters.Requests);
            Assert.Equal(Photo, await d.Client.GetPhotoAsync(users[1].UserId));

            d.Emulator.Counters.Reset();
            await d.Client.EnableAsync();
            Assert.Equal(4, d.Emulator.Counters.Requests); // 1013, 1502, 1002, and 201 confirming the enable
            Assert.False(d.Emulator.State.Disabled);
            d.Emulator.Counters.Reset();
            await d.Client.CloseAsync();
            Assert.Equal(1, d.Emulator.Counters.Requests); // EXIT only: nothing left to release
        }

        [Fact]
        public async Task Closing_a_session_sends_a_refresh_still_owed()
        {
            await using var d = await Emulated.OpenAsync("face", ZkTransportKind.Tcp, users: 1);
            await d.Client.DisableAsync();
            await d.Client.SetPhotoAsync((await d.Client.GetUsersAsync())[0].UserId, Photo);
            Assert.True(d.Emulator.State.RefreshPending);
            await d.Client.CloseAsync();
            Assert.False(d.Emulator.State.RefreshPending);
            // Firmware re-enables when its last session closes, which it does just after answering CMD_EXIT.
            await ZkSync.Protocol.Tests.Session.SessionTests.Until(() => !d.Emulator.State.Disabled);
        }

        [Fact]
        public async Task A_refused_refresh_does_not_keep_the_device_disabled()
        {
            await using var d = await Emulated.OpenAsync("face", ZkTransportKind.Tcp, users: 1);
            await d.Client.DisableAsync();
            await d.Client.SetPhotoAsync((await d.Client.GetUsersAsync())[0].UserId, Photo);
            d.Emulator.SetFaults(new FaultOptions { ErrorCommand = ZkSync.Protocol.Framing.CommandCode.RefreshData });
            await d.Client.EnableAsync();
            Assert.False(d.Emulator.State.Disabled);
            Assert.True(d.Emulator.State.RefreshPending); // still owed: loaded at the next refresh or restart
        }

        [Fact]
        public async Task An_explicit_refresh_settles_what_is_owed()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp, users: 1);
            await d.Client.DisableAsync();
            await d.Client.SetUserAsync(new ZkUser { UserId = "77", Name = "Seventy-seven" });
            Assert.True(d.Client.RefreshPending);
            await d.Client.RefreshDataAsync();
            Assert.False(d.Client.RefreshPending);
            Assert.False(d.Emulator.State.RefreshPending);
            Assert.True(d.Emulator.State.Disabled); // refreshing does not enable
            await d.Client.EnableAsync();
        }
    }
}
