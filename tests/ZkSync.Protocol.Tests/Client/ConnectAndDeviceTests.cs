using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    public class ConnectAndDeviceTests
    {
        [Theory]
        [InlineData("tft", ZkTransportKind.Tcp, UserRecordFormat.Extended72, false, PhotoCommandFamily.File)]
        [InlineData("tft", ZkTransportKind.Udp, UserRecordFormat.Extended72, false, PhotoCommandFamily.File)]
        [InlineData("bw", ZkTransportKind.Tcp, UserRecordFormat.Compact28, false, PhotoCommandFamily.None)]
        [InlineData("bw", ZkTransportKind.Udp, UserRecordFormat.Compact28, false, PhotoCommandFamily.None)]
        [InlineData("face", ZkTransportKind.Tcp, UserRecordFormat.Extended72, true, PhotoCommandFamily.Zmm)]
        public async Task Capabilities_are_read_at_connect(
            string profile,
            ZkTransportKind kind,
            UserRecordFormat format,
            bool faces,
            PhotoCommandFamily photos
        )
        {
            await using var d = await Emulated.OpenAsync(profile, kind, users: 5);
            var c = d.Client.Capabilities;
            Assert.Equal(format, c.UserFormat);
            Assert.Equal(faces, c.FaceSupported);
            Assert.Equal(faces ? 7 : 0, c.FaceAlgorithm);
            Assert.Equal(photos, c.PhotoFamily);
            Assert.Equal(9, c.PinWidth);
            Assert.Equal(10, c.FingerprintAlgorithm);
            Assert.Equal($"127.0.0.1:{d.Emulator.Port}/{kind.ToString().ToLowerInvariant()}", d.Client.Device);
        }

        [Theory]
        [InlineData("tft", UserRecordFormat.Extended72)]
        [InlineData("bw", UserRecordFormat.Compact28)]
        public async Task Empty_device_format_falls_back_on_the_platform(string profile, UserRecordFormat format)
        {
            await using var d = await Emulated.OpenAsync(profile, ZkTransportKind.Tcp, users: 0);
            Assert.Equal(format, d.Client.Capabilities.UserFormat);
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Comm_key_right_wrong_and_missing(ZkTransportKind kind)
        {
            using var emu = await Emulated.StartAsync("tft", users: 2, commKey: 123456);
            var wrong = await Assert.ThrowsAsync<ZkAuthenticationException>(() =>
                ZkDeviceClient.ConnectAsync(Emulated.Options(emu, kind, 654321))
            );
            Assert.Contains("comm key refused", wrong.Message);
            Assert.DoesNotContain("654321", wrong.Message);
            var missing = await Assert.ThrowsAsync<ZkAuthenticationException>(() =>
                ZkDeviceClient.ConnectAsync(Emulated.Options(emu, kind, 0))
            );
            Assert.Contains("requires a comm key", missing.Message);
            using var client = await ZkDeviceClient.ConnectAsync(Emulated.Options(emu, kind, 123456));
            Assert.Equal(2, (await client.GetUsersAsync()).Count);
            await client.CloseAsync();
        }

        [Fact]
        public async Task Device_info_counts_and_clock()
        {
            await using var d = await Emulated.OpenAsync("face", ZkTransportKind.Tcp, users: 4);
            var info = await d.Client.GetDeviceInfoAsync();
            Assert.Equal(d.Emulator.Profile.SerialNumber, info.SerialNumber);
            Assert.Equal("ZMM220_TFT", info.Platform);
            Assert.StartsWith("Ver ", info.FirmwareVersion);
            Assert.Equal(ZkTransportKind.Tcp, info.Transport);
            Assert.Equal(4, info.Counts.Users);
            Assert.True(info.Counts.HasFaceFields);
            Assert.Equal(4, info.Counts.UsersWithFaces);

            var t = new DateTime(2031, 5, 17, 13, 45, 9);
            await d.Client.SetTimeAsync(t);
            var back = await d.Client.GetTimeAsync();
            Assert.InRange((back - t).TotalSeconds, 0, 5);
            await Assert.ThrowsAsync<ZkInvalidDataException>(() => d.Client.SetTimeAsync(new DateTime(1999, 1, 1)));

            await d.Client.DisableAsync();
            Assert.True(d.Emulator.State.Disabled);
            await d.Client.EnableAsync();
            Assert.False(d.Emulator.State.Disabled);
            await d.Client.RefreshDataAsync();
            Assert.Null(await d.Client.GetOptionAsync("NoSuchOption"));
            Assert.Equal("9", await d.Client.GetOptionAsync("~PIN2Width"));
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Restart_succeeds_and_closes_the_connection(ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync("tft", kind, users: 1);
            await d.Client.RestartAsync();
            Assert.False(d.Client.IsConnected);
            await Assert.ThrowsAsync<ZkConnectionException>(() => d.Client.GetCountsAsync());
        }

        [Fact]
        public async Task Close_frees_the_device_session_slot()
        {
            using var emu = await Emulated.StartAsync("tft", configure: o => o.MaxSessions = 1);
            for (int i = 0; i < 3; i++)
            {
                var client = await ZkDeviceClient.ConnectAsync(Emulated.Options(emu, ZkTransportKind.Tcp));
                await client.CloseAsync();
                Assert.False(client.IsConnected);
            }
        }

        [Fact]
        public async Task Traffic_counters_grow_with_use()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp, users: 50);
            long before = d.Client.Traffic.BytesReceived;
            await d.Client.GetUsersAsync();
            Assert.True(d.Client.Traffic.BytesReceived - before > 50 * 72);
            Assert.True(d.Client.Traffic.Requests > 0);
            Assert.True(d.Client.Traffic.BytesSent > 0);
        }
    }
}
