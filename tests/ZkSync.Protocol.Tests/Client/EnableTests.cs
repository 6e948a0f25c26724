using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>
    /// CMD_ENABLEDEVICE always goes out, and a kept session disables the device again on a reconnect only in the middle
    /// of a write. The disabled state is read while the test's own sessions stay open: firmware (and the emulator)
    /// enables the device by itself when its last session ends, which would hide a missing enable.
    /// </summary>
    public class EnableTests
    {
        private static readonly byte[] Photo = { 0xFF, 0xD8, 0x01, 0x02, 0xFF, 0xD9 };

        [Fact]
        public async Task A_cancelled_refresh_does_not_skip_the_enable()
        {
            await using var d = await Emulated.OpenAsync("face", ZkTransportKind.Tcp, users: 1);
            using var observer = await ZkDeviceClient.ConnectAsync(Emulated.Options(d.Emulator, ZkTransportKind.Tcp));
            await d.Client.DisableAsync();
            await d.Client.SetPhotoAsync((await d.Client.GetUsersAsync())[0].UserId, Photo);
            Assert.True(d.Client.RefreshPending);

            await d.Client.EnableAsync(new CancellationToken(canceled: true));

            Assert.False(d.Emulator.State.Disabled);
            Assert.False(d.Client.DisabledByThisClient);
            await observer.CloseAsync();
        }

        [Fact]
        public async Task The_enable_is_confirmed_by_a_following_answered_request()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp);
            await d.Client.DisableAsync();
            d.Emulator.Counters.Reset();

            await d.Client.EnableAsync();

            Assert.Equal(2, d.Emulator.Counters.Requests); // 1002, then 201 answered after it
            Assert.False(d.Emulator.State.Disabled);
        }

        [Fact]
        public async Task After_an_enable_that_failed_a_reconnect_does_not_disable_the_device_again()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp, users: 1);
            await d.Client.DisableAsync();
            d.Emulator.SetFaults(new FaultOptions { ErrorCommand = CommandCode.EnableDevice });
            await Assert.ThrowsAsync<ZkDeviceErrorException>(() => d.Client.EnableAsync());
            d.Emulator.SetFaults(null);

            d.Emulator.Restart(); // every session lost; the device comes back enabled
            using var observer = await ZkDeviceClient.ConnectAsync(Emulated.Options(d.Emulator, ZkTransportKind.Tcp));
            await d.Client.GetTimeAsync(); // the kept session reconnects

            Assert.False(d.Emulator.State.Disabled);
            await observer.CloseAsync();
        }

        [Fact]
        public async Task In_the_middle_of_a_write_a_reconnect_disables_the_device_again()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp, users: 1);
            await d.Client.DisableAsync();
            d.Emulator.Restart();
            using var observer = await ZkDeviceClient.ConnectAsync(Emulated.Options(d.Emulator, ZkTransportKind.Tcp));

            await d.Client.GetTimeAsync();

            Assert.True(d.Emulator.State.Disabled);
            await d.Client.EnableAsync();
            Assert.False(d.Emulator.State.Disabled);
            await observer.CloseAsync();
        }
    }
}
