using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Faults;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>Each injected fault, seen from a raw client: what the device does and what it keeps.</summary>
    public class FaultInjectionTests
    {
        [Fact]
        public void Udp_drops_follow_the_seed()
        {
            static string Pattern(int seed)
            {
                var faults = new FaultInjector(DeviceProfile.Resolve(new EmulatorOptions()), new EmulatorLog());
                faults.Set(new FaultOptions { UdpDropRate = 0.3, Seed = seed });
                var packet = new Packet(CommandCode.GetVersion, 1, 1).Encode();
                return new string(Enumerable.Range(0, 300).Select(i => i % 2 == 0
                    ? (faults.OnRequest(EmulatorTransport.Udp, packet).Drop ? 'x' : '.')
                    : (faults.DropReplyDatagram() ? 'x' : '.')).ToArray());
            }
            string a = Pattern(5);
            Assert.Equal(a, Pattern(5));
            Assert.NotEqual(a, Pattern(6));
            Assert.InRange(a.Count(c => c == 'x'), 45, 135); // about 30% of 300
        }

        [Fact]
        public async Task Udp_drop_rate_one_loses_every_request_and_counts_it()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu, EmulatorTransport.Udp);
            emu.SetFaults(new FaultOptions { UdpDropRate = 1 });
            c.Send(CommandCode.GetVersion);
            Assert.True(c.StaysSilent());
            Assert.Equal(1, emu.Counters.Dropped);
            emu.SetFaults(null);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetVersion).Command);
        }

        [Fact]
        public async Task Reset_after_requests_executes_the_request_then_resets_the_connection()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            emu.SetFaults(new FaultOptions { ResetAfterRequests = 2 });
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.DisableDevice).Command);
            c.Send(CommandCode.UserWrite, Records.User(3, "30"));
            Assert.True(c.IsClosedByPeer());
            lock (emu.State.Sync)
                Assert.Equal("30", Assert.Single(emu.State.Users).Pin2);
            // The disabling session died with its connection: firmware enables the device again.
            Assert.True(
                SpinWait.SpinUntil(
                    () =>
                    {
                        lock (emu.State.Sync)
                            return !emu.State.Disabled && emu.OpenSessions == 0;
                    },
                    5000
                )
            );
            using var again = Emu.Client(emu); // one-shot: the next connection is served
            Assert.Equal(ReplyCode.Ok, again.Request(CommandCode.GetVersion).Command);
        }

        [Fact]
        public async Task Reset_after_reply_data_packets_cuts_a_large_reply()
        {
            using var emu = await Emu.Start("tft", 2000); // 144,004-byte user table: three TCP data packets
            using var c = Emu.Client(emu);
            emu.SetFaults(new FaultOptions { ResetAfterReplyDataPackets = 1 });
            var first = c.Request(CommandCode.PrepareBuffer, BulkPayloads.PrepareRequest(BulkReadTarget.Users));
            BulkPayloads.DecodeAnnouncement(first.Payload, out int size, out _);
            c.Send(CommandCode.ReadBuffer, BulkPayloads.ReadChunkRequest(0, size));
            // The reset may overtake unread data (the OS discards it), so read until the connection dies.
            int packets = 0;
            var reset = Assert.ThrowsAny<System.Net.Sockets.SocketException>(() =>
            {
                while (c.Receive(TimeSpan.FromSeconds(2)) != null)
                    packets++;
            });
            Assert.InRange(packets, 0, 2); // never the third data packet nor the closing OK
            Assert.Equal(1 + 1 + 2, emu.Counters.PacketsOut); // CONNECT, announcement, PREPARE_DATA + one data packet
        }

        [Fact]
        public async Task Reset_after_upload_data_packets_resets_in_the_middle_of_an_upload()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            emu.SetFaults(new FaultOptions { ResetAfterUploadDataPackets = 3 });
            var ex = Assert.ThrowsAny<Exception>(() => c.Upload(new byte[10 * 1024]));
            Assert.True(c.IsClosedByPeer(), ex.Message);
            Assert.Equal(3 + 2, emu.Counters.Requests); // CONNECT, PREPARE_DATA, three CMD_DATA
            Assert.True(SpinWait.SpinUntil(() => emu.OpenSessions == 0, 5000));
        }

        [Fact]
        public async Task Delayed_reply_arrives_only_after_the_delay()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu, EmulatorTransport.Udp);
            emu.SetFaults(
                new FaultOptions { DelayReplyAfterRequests = 1, ReplyDelay = TimeSpan.FromMilliseconds(600) }
            );
            c.Send(CommandCode.GetVersion);
            Assert.Null(c.Receive(TimeSpan.FromMilliseconds(200)));
            Assert.Equal(ReplyCode.Ok, c.Receive()!.Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetVersion).Command); // once only
        }

        [Fact]
        public async Task Error_command_is_answered_with_ack_error_and_not_executed()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            emu.SetFaults(new FaultOptions { ErrorCommand = CommandCode.UserWrite });
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserWrite, Records.User(3, "30")).Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetVersion).Command);
            lock (emu.State.Sync) Assert.Equal(0, emu.State.UserCount);
            Assert.Contains(emu.Log.Entries, e => e.Contains("fault injection"));
        }

        [Fact]
        public async Task Full_at_users_reports_the_capacity_reached_and_refuses_new_users()
        {
            using var emu = await Emu.Start("tft", 4);
            using var c = Emu.Client(emu);
            emu.SetFaults(new FaultOptions { FullAtUsers = 4 });
            var sizes = c.Request(CommandCode.GetFreeSizes).Payload;
            Assert.Equal(4, WireReader.FreeSize(sizes, 15)); // user capacity
            Assert.Equal(0, WireReader.FreeSize(sizes, 18)); // users free
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserWrite, Records.User(100, "9100")).Command);
            emu.SetFaults(null);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserWrite, Records.User(100, "9100")).Command);
            Assert.Equal(10000, WireReader.FreeSize(c.Request(CommandCode.GetFreeSizes).Payload, 15));
        }

        [Theory]
        [InlineData(EmulatorTransport.Tcp)]
        [InlineData(EmulatorTransport.Udp)]
        public async Task A_hung_device_accepts_but_never_answers(EmulatorTransport transport)
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu, transport);
            emu.SetFaults(new FaultOptions { HangAfterRequests = 1 });
            c.Send(CommandCode.GetVersion);
            Assert.True(c.StaysSilent());
            using var other = RawClient.Open(transport, emu.Port); // TCP connect still succeeds
            other.SendPacket(new Packet(CommandCode.Connect, 0, 0));
            Assert.True(other.StaysSilent());
            emu.SetFaults(null);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetVersion).Command);
        }

        [Fact]
        public async Task Restart_after_requests_loses_sessions_and_keeps_data()
        {
            using var emu = await Emu.Start("tft", 5);
            using var c = Emu.Client(emu);
            emu.SetFaults(new FaultOptions { RestartAfterRequests = 2 });
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.DisableDevice).Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetVersion).Command);
            Assert.True(c.IsClosedByPeer());
            lock (emu.State.Sync)
            {
                Assert.Equal(5, emu.State.UserCount);
                Assert.False(emu.State.Disabled);
            }
            Assert.True(SpinWait.SpinUntil(() => emu.OpenSessions == 0, 5000));
        }

        [Fact]
        public async Task Restart_on_demand_drops_udp_sessions_too()
        {
            using var emu = await Emu.Start("tft", 2);
            using var c = Emu.Client(emu, EmulatorTransport.Udp);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.DisableDevice).Command);
            emu.Restart();
            c.Send(CommandCode.GetVersion);
            Assert.True(c.StaysSilent()); // unknown session now
            lock (emu.State.Sync) Assert.False(emu.State.Disabled);
            Assert.Equal(ReplyCode.Ok, c.Connect().Command);
        }

        [Fact]
        public void Bad_fault_settings_are_refused()
        {
            Assert.Throws<ArgumentException>(() => new FaultOptions { UdpDropRate = 1.5 }.Validate());
            Assert.Throws<ArgumentException>(() => new FaultOptions { ResetAfterRequests = 0 }.Validate());
            Assert.Throws<ArgumentException>(() =>
                new EmulatorOptions { Faults = new FaultOptions { FullAtUsers = -1 } }.Validate()
            );
        }
    }
}
