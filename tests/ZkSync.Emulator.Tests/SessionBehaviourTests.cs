using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>
    /// Session behaviours of real terminals: ACK_UNAUTH on connect (ZMM220_TFT), idle connections kept open (and the
    /// idle close fault), full session slots, slots kept by clients that left without CMD_EXIT, and 2025 firmware's
    /// 6001.
    /// </summary>
    public class SessionBehaviourTests
    {
        /// <summary>pyzk's first packet over TCP, as its test.py records it: CMD_CONNECT, session 0, reply id
        /// 0.</summary>
        private static readonly byte[] PyzkConnectFrame = Hex("5050827d08000000e80317fc00000000");

        [Fact]
        public async Task Face_profile_answers_unauth_and_serves_fpmachine_commands_sent_without_auth()
        {
            // fpmachine's ZMM220_TFT.connect(0): CONNECT must be answered 2005, then no CMD_AUTH at all; reply ids
            // count from 0.
            using var emu = await Emu.Start("face", users: 3);
            using var c = RawClient.Tcp(emu.Port);
            Assert.Equal(ReplyCode.Unauthorized, c.Connect().Command);
            var serial = c.Request(CommandCode.OptionsRead, Encoding.ASCII.GetBytes("~SerialNumber\0"));
            Assert.Equal(ReplyCode.Ok, serial.Command);
            Assert.StartsWith("~SerialNumber=EMU", Encoding.ASCII.GetString(serial.Payload));
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.Exit).Command);
        }

        [Fact]
        public async Task Face_profile_accepts_pyzks_exact_connect_and_auth_derived_from_key_0()
        {
            using var emu = await Emu.Start("face", users: 3);
            using var c = RawClient.Tcp(emu.Port);
            c.SendRawTcp(PyzkConnectFrame);
            var connect = c.Receive() ?? throw new TimeoutException("no reply to pyzk's CONNECT");
            Assert.Equal(ReplyCode.Unauthorized, connect.Command);
            c.SessionId = connect.SessionId;
            // pyzk: make_commkey(0, session, ticks=50) with reply id 1, then read_sizes (CMD_GET_FREE_SIZES) with reply
            // id 2.
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.Auth, CommKey.Derive(0, c.SessionId, 50)).Command);
            Assert.Equal(1, c.ReplyId);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetFreeSizes).Command);
        }

        [Theory]
        [InlineData("tft", null, ReplyCode.Ok)]
        [InlineData("bw", null, ReplyCode.Ok)]
        [InlineData("face", null, ReplyCode.Unauthorized)]
        [InlineData("face", false, ReplyCode.Ok)]
        [InlineData("tft", true, ReplyCode.Unauthorized)]
        public async Task Unauth_on_connect_follows_the_profile_unless_set(
            string profile,
            bool? unauth,
            ushort expected
        )
        {
            using var emu = await Emu.Start(profile, configure: o => o.UnauthOnConnect = unauth);
            using var c = RawClient.Tcp(emu.Port);
            Assert.Equal(expected, c.Connect().Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetFreeSizes).Command);
        }

        [Fact]
        public async Task Unauth_on_connect_with_a_key_still_demands_the_right_key()
        {
            using var emu = await Emu.Start("face", commKey: 4321);
            using var c = RawClient.Tcp(emu.Port);
            Assert.Equal(ReplyCode.Unauthorized, c.Connect().Command);
            Assert.Equal(ReplyCode.Unauthorized, c.Request(CommandCode.GetFreeSizes).Command);
            Assert.Equal(ReplyCode.Unauthorized, c.Request(CommandCode.Auth, CommKey.Derive(0, c.SessionId)).Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.Auth, CommKey.Derive(4321, c.SessionId)).Command);
        }

        [Fact]
        public async Task A_silent_tcp_connection_is_closed_after_the_idle_timeout_and_its_session_ends()
        {
            using var emu = await Emu.Start(configure: o => o.IdleTimeout = TimeSpan.FromMilliseconds(600));
            using var c = Emu.Client(emu);
            Assert.Equal(1, emu.OpenSessions);
            Assert.True(c.IsClosedByPeer(), "the device kept a silent connection open");
            // The socket closes first; the session ends as the connection's loop winds down.
            await Until(() => emu.Counters.IdleCloses == 1 && emu.OpenSessions == 0);
        }

        [Fact]
        public async Task Requests_within_the_idle_timeout_keep_the_connection_open()
        {
            // Gaps of 0.3 s over 2.4 s in all, against a 2 s idle timeout: only a single silence that long closes.
            using var emu = await Emu.Start(configure: o => o.IdleTimeout = TimeSpan.FromSeconds(2));
            using var c = Emu.Client(emu);
            for (int i = 0; i < 8; i++)
            {
                Thread.Sleep(300);
                Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetTime).Command);
            }
            Assert.Equal(0, emu.Counters.IdleCloses);
        }

        [Fact]
        public void Idle_close_is_a_fault_off_by_default_and_a_negative_timeout_is_refused()
        {
            Assert.Equal(TimeSpan.Zero, new EmulatorOptions().IdleTimeout);
            Assert.Throws<ArgumentException>(() =>
                new EmulatorOptions { IdleTimeout = TimeSpan.FromSeconds(-1) }.Validate()
            );
        }

        [Fact]
        public async Task Connect_beyond_the_session_slots_is_answered_ack_error_and_closed()
        {
            using var emu = await Emu.Start(configure: o => o.MaxSessions = 2);
            using var a = Emu.Client(emu);
            using var b = Emu.Client(emu);
            using var c = RawClient.Tcp(emu.Port);
            var refused = c.Connect();
            Assert.Equal(ReplyCode.Error, refused.Command);
            Assert.True(c.IsClosedByPeer());
            Assert.Equal(1, emu.Counters.SlotsFullRefusals);
        }

        [Fact]
        public async Task A_client_that_leaves_without_exit_keeps_its_slot_until_the_orphan_timeout()
        {
            using var emu = await Emu.Start(configure: o =>
            {
                o.MaxSessions = 1;
                o.OrphanSessionTimeout = TimeSpan.FromMilliseconds(800);
            });
            using (Emu.Client(emu)) { } // closed without CMD_EXIT
            await Until(() => emu.OrphanedSessions == 1);
            Assert.Equal(1, emu.OpenSessions);
            using (var refused = RawClient.Tcp(emu.Port))
                Assert.Equal(ReplyCode.Error, refused.Connect().Command);

            await Task.Delay(900);
            using var later = RawClient.Tcp(emu.Port);
            Assert.Equal(ReplyCode.Ok, later.Connect().Command);
            Assert.Equal(0, emu.OrphanedSessions);
        }

        [Fact]
        public async Task A_client_that_disables_and_leaves_without_exit_leaves_the_device_disabled_as_firmware()
        {
            using var emu = await Emu.Start();
            using (var rude = Emu.Client(emu))
                Assert.Equal(ReplyCode.Ok, rude.Request(CommandCode.DisableDevice).Command);
            await Until(() => emu.OrphanedSessions == 1);
            Assert.Equal(1, emu.Counters.LeftWithoutExit);
            using var next = Emu.Client(emu);
            Assert.Equal(2, emu.OpenSessions);
            lock (emu.State.Sync) Assert.True(emu.State.Disabled, "firmware frees a session only on CMD_EXIT");
            Assert.Equal(ReplyCode.Ok, next.Request(CommandCode.EnableDevice).Command);
            lock (emu.State.Sync) Assert.False(emu.State.Disabled);
        }

        [Fact]
        public async Task A_disable_timeout_enables_the_device_after_its_client_left_without_exit()
        {
            using var emu = await Emu.Start();
            var oneSecond = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(oneSecond, 1);
            using (var rude = Emu.Client(emu))
                Assert.Equal(ReplyCode.Ok, rude.Request(CommandCode.DisableDevice, oneSecond).Command);
            await Until(() => emu.OrphanedSessions == 1);
            lock (emu.State.Sync) Assert.True(emu.State.Disabled);
            await Until(() => { lock (emu.State.Sync) return !emu.State.Disabled; });
            Assert.Equal(1, emu.OrphanedSessions); // the timeout enables the device; it frees no session
        }

        [Fact]
        public async Task Free_session_on_disconnect_ends_the_session_and_enables_the_device_when_it_was_the_last()
        {
            using var emu = await Emu.Start(configure: o => o.FreeSessionOnDisconnect = true);
            using (var rude = Emu.Client(emu))
                Assert.Equal(ReplyCode.Ok, rude.Request(CommandCode.DisableDevice).Command);
            await Until(() => emu.OpenSessions == 0);
            Assert.Equal(0, emu.OrphanedSessions);
            lock (emu.State.Sync) Assert.False(emu.State.Disabled);
        }

        [Fact]
        public async Task A_client_that_says_exit_frees_its_slot_at_once_even_with_an_orphan_timeout()
        {
            using var emu = await Emu.Start(configure: o =>
            {
                o.MaxSessions = 1;
                o.OrphanSessionTimeout = TimeSpan.FromMinutes(5);
            });
            using (var polite = Emu.Client(emu))
                Assert.Equal(ReplyCode.Ok, polite.Request(CommandCode.Exit).Command);
            await Until(() => emu.OpenSessions == 0);
            using var next = RawClient.Tcp(emu.Port);
            Assert.Equal(ReplyCode.Ok, next.Connect().Command);
            Assert.Equal(1, emu.Counters.Exits);
        }

        [Fact]
        public async Task Connect_6001_firmware_refuses_auth_with_any_key_and_every_command()
        {
            using var emu = await Emu.Start("face", configure: o => o.AnswerConnectWith6001 = true);
            using var c = RawClient.Tcp(emu.Port);
            Assert.Equal(ReplyCode.NewFirmwareConnect, c.Connect().Command);
            Assert.Equal(ReplyCode.Unauthorized, c.Request(CommandCode.Auth, CommKey.Derive(0, c.SessionId)).Command);
            Assert.Equal(ReplyCode.Unauthorized, c.Request(CommandCode.GetFreeSizes).Command);
        }

        private static async Task Until(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not reached within 5 s");
                await Task.Delay(10);
            }
        }

        private static byte[] Hex(string hex) => Convert.FromHexString(hex);
    }
}
