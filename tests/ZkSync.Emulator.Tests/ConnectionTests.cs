using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    public class ConnectionTests
    {
        [Theory]
        [InlineData(EmulatorTransport.Tcp)]
        [InlineData(EmulatorTransport.Udp)]
        public async Task Connect_without_comm_key_is_accepted_with_a_new_session(EmulatorTransport transport)
        {
            using var emu = await Emu.Start();
            using var c = RawClient.Open(transport, emu.Port);
            var reply = c.Connect();
            Assert.Equal(ReplyCode.Ok, reply.Command);
            Assert.NotEqual(0, reply.SessionId);
            Assert.Empty(reply.Payload);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetFreeSizes).Command);
        }

        [Fact]
        public async Task Comm_key_demands_auth_then_accepts_the_right_key()
        {
            using var emu = await Emu.Start(commKey: 12345);
            using var c = RawClient.Tcp(emu.Port);
            Assert.Equal(ReplyCode.Unauthorized, c.Connect().Command);
            Assert.Equal(ReplyCode.Unauthorized, c.Request(CommandCode.GetFreeSizes).Command);
            // Byte 2 (ticks) is free: any value the client picks is accepted.
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.Auth, CommKey.Derive(12345, c.SessionId, 99)).Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetFreeSizes).Command);
        }

        [Fact]
        public async Task Wrong_comm_key_stays_unauthorized()
        {
            using var emu = await Emu.Start(commKey: 12345);
            using var c = RawClient.Tcp(emu.Port);
            c.Connect();
            Assert.Equal(
                ReplyCode.Unauthorized,
                c.Request(CommandCode.Auth, CommKey.Derive(54321, c.SessionId)).Command
            );
            Assert.Equal(ReplyCode.Unauthorized, c.Request(CommandCode.GetTime).Command);
        }

        [Fact]
        public async Task Bad_checksum_is_dropped_silently()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            var bytes = new Packet(CommandCode.GetTime, c.SessionId, 1).Encode();
            bytes[2] ^= 0x55;
            c.SendBytes(bytes);
            Assert.True(c.StaysSilent());
            Assert.True(emu.Log.Contains("bad checksum"));
            // The session is intact: the same reply id with a good checksum is executed.
            c.SendPacket(new Packet(CommandCode.GetTime, c.SessionId, 1));
            Assert.Equal(ReplyCode.Ok, c.Receive()!.Command);
        }

        [Theory]
        [InlineData(EmulatorTransport.Tcp)]
        [InlineData(EmulatorTransport.Udp)]
        public async Task Unknown_session_is_dropped(EmulatorTransport transport)
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu, transport);
            c.SendPacket(new Packet(CommandCode.GetTime, (ushort)(c.SessionId ^ 0x1111), 1));
            Assert.True(c.StaysSilent());
            Assert.True(emu.Log.Contains("unknown session"));
            Assert.Equal(1, emu.Counters.Dropped);
        }

        [Fact]
        public async Task A_tcp_session_id_is_unknown_over_udp()
        {
            using var emu = await Emu.Start();
            using var tcp = Emu.Client(emu);
            using var udp = RawClient.Udp(emu.Port);
            udp.SessionId = tcp.SessionId;
            udp.Send(CommandCode.GetTime);
            Assert.True(udp.StaysSilent());
        }

        [Fact]
        public async Task A_repeated_udp_connect_from_the_same_sender_gets_its_session_back()
        {
            using var emu = await Emu.Start();
            using var c = RawClient.Udp(emu.Port);
            var first = c.Connect();
            // Its CONNECT reply lost, the client asks again from the same address: firmware's CreateSession finds it.
            var again = c.Connect();
            Assert.Equal(first.SessionId, again.SessionId);
            Assert.Equal(1, emu.OpenSessions);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetTime).Command);
            using var other = RawClient.Udp(emu.Port);
            Assert.NotEqual(first.SessionId, other.Connect().SessionId);
            Assert.Equal(2, emu.OpenSessions);
        }

        [Fact]
        public async Task Retransmitted_reply_id_gets_the_cached_reply_without_executing_again()
        {
            using var emu = await Emu.Start(users: 3);
            using var c = Emu.Client(emu);
            var uid = new byte[] { 2, 0 };
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.DeleteUser, uid).Command);
            // Same reply id again: executing twice would fail (user gone); the cached OK comes back instead.
            c.SendPacket(new Packet(CommandCode.DeleteUser, c.SessionId, c.ReplyId, uid));
            Assert.Equal(ReplyCode.Ok, c.Receive()!.Command);
            Assert.Equal(2, emu.State.UserCount);
            Assert.Equal(1, emu.Counters.Retransmits);
            // A new reply id executes: now the user is missing.
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.DeleteUser, uid).Command);
        }

        [Fact]
        public async Task Only_the_final_reply_of_a_large_transfer_is_cached()
        {
            using var emu = await Emu.Start(users: 100);
            using var c = Emu.Client(emu);
            var first = c.Request(
                CommandCode.PrepareBuffer,
                ZkSync.Protocol.Bulk.BulkPayloads.PrepareRequest(ZkSync.Protocol.Bulk.BulkReadTarget.Users)
            );
            Assert.Equal(ReplyCode.Ok, first.Command);
            var read = c.Request(CommandCode.ReadBuffer, ZkSync.Protocol.Bulk.BulkPayloads.ReadChunkRequest(0, 2000));
            c.ReceiveLarge(read);
            c.SendPacket(
                new Packet(
                    CommandCode.ReadBuffer,
                    c.SessionId,
                    c.ReplyId,
                    ZkSync.Protocol.Bulk.BulkPayloads.ReadChunkRequest(0, 2000)
                )
            );
            var again = c.Receive()!;
            Assert.Equal(ReplyCode.Ok, again.Command);
            Assert.Empty(again.Payload);
            Assert.True(c.StaysSilent());
        }

        [Fact]
        public async Task Lower_reply_id_is_dropped()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            c.ReplyId = 10;
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetTime).Command);
            c.SendPacket(new Packet(CommandCode.GetTime, c.SessionId, 5));
            Assert.True(c.StaysSilent());
            Assert.True(emu.Log.Contains("reply id lower"));
        }

        [Fact]
        public async Task Reply_id_wraps_through_65535()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            c.ReplyId = 65534;
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetTime).Command); // 65535
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetTime).Command); // 0: accepted after 65535
        }

        [Fact]
        public async Task Sessions_beyond_the_limit_are_refused_and_exit_frees_a_slot()
        {
            using var emu = await Emu.Start(configure: o => o.MaxSessions = 2);
            using var a = Emu.Client(emu);
            using var b = Emu.Client(emu);
            Assert.NotEqual(a.SessionId, b.SessionId);
            using var refused = RawClient.Tcp(emu.Port);
            var reply = refused.Connect();
            Assert.Equal(ReplyCode.Error, reply.Command);
            Assert.True(refused.IsClosedByPeer());

            Assert.Equal(ReplyCode.Ok, a.Request(CommandCode.Exit).Command);
            Assert.True(a.IsClosedByPeer());
            using var c = RawClient.Tcp(emu.Port);
            Assert.Equal(ReplyCode.Ok, c.Connect().Command);
        }

        [Fact]
        public async Task Closing_the_last_session_enables_a_disabled_device()
        {
            using var emu = await Emu.Start();
            using (var c = Emu.Client(emu))
            {
                Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.DisableDevice).Command);
                Assert.True(emu.State.Disabled);
                c.Request(CommandCode.Exit);
                Assert.True(c.IsClosedByPeer());
            }
            Assert.False(emu.State.Disabled);
            Assert.Equal(0, emu.OpenSessions);
        }

        [Fact]
        public async Task Unknown_commands_and_reply_codes_sent_as_commands_get_ack_unknown()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu, EmulatorTransport.Udp);
            Assert.Equal(ReplyCode.Unknown, c.Request(ReplyCode.Error).Command);
            Assert.Equal(ReplyCode.Unknown, c.Request(ReplyCode.Unknown).Command);
            Assert.Equal(ReplyCode.Unknown, c.Request(4242).Command);
        }

        [Fact]
        public async Task Client_ack_ok_gets_no_reply()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            c.SendPacket(new Packet(ReplyCode.Ok, c.SessionId, 0));
            Assert.True(c.StaysSilent());
        }

        [Fact]
        public async Task Restart_answers_ok_then_drops_every_session_and_keeps_data()
        {
            using var emu = await Emu.Start(users: 5);
            using var a = Emu.Client(emu);
            using var b = Emu.Client(emu, EmulatorTransport.Udp);
            Assert.Equal(ReplyCode.Ok, a.Request(CommandCode.Restart).Command);
            Assert.True(a.IsClosedByPeer());
            b.Send(CommandCode.GetTime);
            Assert.True(b.StaysSilent());
            Assert.Equal(5, emu.State.UserCount);
        }

        [Fact]
        public async Task Plain_acks_are_header_only_and_counted()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu, EmulatorTransport.Udp);
            var reply = c.Request(CommandCode.EnableDevice);
            Assert.Empty(reply.Payload);
            Assert.Equal(2, emu.Counters.Requests);
            Assert.Equal(2, emu.Counters.RoundTrips);
            Assert.Equal(16, emu.Counters.BytesIn);
            Assert.Equal(16, emu.Counters.BytesOut);
        }
    }
}
