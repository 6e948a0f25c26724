using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>
    /// Real-firmware behaviours from other clients' trackers and captures (DEVICE-BEHAVIOUR.md, "Quirk catalogue"), met
    /// by the engine against an emulator configured to show them.
    /// </summary>
    public class FirmwareQuirkTests
    {
        [Theory]
        [InlineData("tft")] // older firmware: CMD_ACK_ERROR (2001) for an unknown option
        [InlineData("face")] // ZMM firmware: 4999
        public async Task Options_older_firmware_does_not_know_read_as_absent_and_connect_goes_on(string profile)
        {
            await using var d = await Emulated.OpenAsync(profile, ZkTransportKind.Tcp, configure: o =>
                o.HiddenOptions = new[] { "~ZKFPVersion", "~PIN2Width", "~DeviceName" }
            );
            Assert.Null(await d.Client.GetOptionAsync("~ZKFPVersion"));
            Assert.Equal(0, d.Client.Capabilities.FingerprintAlgorithm); // unknown: a sync cannot compare algorithms
            Assert.Equal(9, d.Client.Capabilities.PinWidth); // from CMD_GET_PINWIDTH (69) instead of ~PIN2Width
            var info = await d.Client.GetDeviceInfoAsync();
            Assert.Equal("", info.DeviceName);
            Assert.NotEqual("", info.SerialNumber);
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp, 120)] // several 65,528-byte chunks
        [InlineData(ZkTransportKind.Udp, 15)] // 1,024-byte datagrams: many gaps even for a few users
        public async Task Large_replies_paced_like_firmware_are_read_whole(ZkTransportKind kind, int count)
        {
            // Firmware sleeps about 20 ms between the packets of a large reply (FW SendLargeData); node-zklib users
            // lost packets around such gaps (caobo171/node-zklib issue 48). The engine waits per packet, not per reply.
            await using var d = await Emulated.OpenAsync("tft", kind, users: count, configure: o =>
                o.LargeDataPacketGap = TimeSpan.FromMilliseconds(20)
            );
            var users = await d.Client.GetUsersAsync();
            var fingerprints = await d.Client.GetFingerprintsAsync();
            Assert.Equal(count, users.Count);
            lock (d.Emulator.State.Sync)
                Assert.Equal(d.Emulator.State.TemplateCount, fingerprints.Count);
            Assert.True(fingerprints.Count > count);
        }
    }
}
