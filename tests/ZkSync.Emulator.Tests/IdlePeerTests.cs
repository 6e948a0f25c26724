using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>
    /// Firmware never closes an idle TCP connection (FW tcpcomm.c EthCommTCPCheck polls it and closes it only when recv
    /// returns 0), and clients rely on it: pyzk's <c>live_capture</c> holds one open for hours. On the default
    /// profiles, with no flag, a connection idle for a full minute is still served.
    /// </summary>
    public class IdlePeerTests
    {
        /// <summary>
        /// A real minute: longer than every timer the emulator has (the longest, UDP eviction, is 60 s and UDP only).
        /// </summary>
        internal static readonly TimeSpan LongIdle = TimeSpan.FromSeconds(61);

        /// <summary>
        /// pyzk's first packet over TCP, as its test.py records it: CMD_CONNECT, session 0, reply id 0.
        /// </summary>
        private static readonly byte[] PyzkConnectFrame = Convert.FromHexString("5050827d08000000e80317fc00000000");

        [Fact]
        public void No_profile_closes_idle_connections_or_limits_sessions_by_default()
        {
            var defaults = new EmulatorOptions();
            Assert.Equal(TimeSpan.Zero, defaults.IdleTimeout);
            Assert.Equal(0, defaults.MaxSessions);
            Assert.True(LongIdle > defaults.UdpSessionIdleTimeout);
        }

        [Fact]
        public async Task Pyzk_live_capture_idles_a_minute_then_reads_users_on_the_same_connection_on_every_profile()
        {
            var profiles = new[] { "tft", "bw", "face" };
            var emulators = await Task.WhenAll(profiles.Select(p => Emu.Start(p, users: 12)));
            try
            {
                // One minute for all three profiles at once.
                await Task.WhenAll(emulators.Select(e => Task.Run(() => LiveCaptureThenReadUsers(e))));
            }
            finally
            {
                foreach (var e in emulators) e.Dispose();
            }
        }

        /// <summary>
        /// pyzk <c>connect()</c>, <c>live_capture()</c> (fananimi/pyzk zk/base.py: get_users, 62, 60, 500 EF_ATTLOG), a
        /// minute without events, the caller ends the capture (500 with 0), then <c>get_users()</c> on the same socket.
        /// </summary>
        private static void LiveCaptureThenReadUsers(DeviceEmulator emu)
        {
            using var c = RawClient.Tcp(emu.Port);
            c.SendRawTcp(PyzkConnectFrame);
            var connect = c.Receive() ?? throw new TimeoutException("no reply to pyzk's CONNECT");
            c.SessionId = connect.SessionId;
            if (connect.Command == ReplyCode.Unauthorized)
                RawClient.Require(c.Request(CommandCode.Auth, CommKey.Derive(0, c.SessionId, 50)), ReplyCode.Ok);
            else
                RawClient.Require(connect, ReplyCode.Ok);

            byte[] before = PyzkGetUsers(c);
            RawClient.Require(c.Request(CommandCode.CancelCapture), ReplyCode.Ok);
            RawClient.Require(c.Request(CommandCode.StartVerify), ReplyCode.Ok);
            RawClient.Require(c.Request(CommandCode.RegisterEvent, Flags(1)), ReplyCode.Ok);

            // pyzk's recv(1032) with a 10 s timeout yields None each time and loops: the client sends nothing.
            Assert.Null(c.Receive(LongIdle));
            Assert.Equal(0, emu.Counters.IdleCloses);

            RawClient.Require(c.Request(CommandCode.RegisterEvent, Flags(0)), ReplyCode.Ok);
            byte[] after = PyzkGetUsers(c);
            Assert.Equal(emu.State.UserTable(), after);
            Assert.Equal(before, after);
            Assert.Equal(1, emu.OpenSessions);
            Assert.Equal(0, emu.Counters.IdleCloses);
        }

        /// <summary>
        /// pyzk get_users: read_sizes (50), then read_with_buffer(CMD_USERTEMP_RRQ, FCT_USER); the buffer as read.
        /// </summary>
        private static byte[] PyzkGetUsers(RawClient c)
        {
            RawClient.Require(c.Request(CommandCode.GetFreeSizes), ReplyCode.Ok);
            return c.BulkRead(BulkReadTarget.Users);
        }

        private static byte[] Flags(uint flags)
        {
            var payload = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(payload, flags);
            return payload;
        }
    }

    /// <summary>
    /// The admins' hybrid script (pyzk + fpmachine, bench scenario hybrid-script) against the default face profile: its
    /// destination connection sits idle while it reads the source, then writes every face set and photo. Firmware keeps
    /// that connection, so nothing may be lost.
    /// </summary>
    public class HybridScriptIdleTests
    {
        [Fact]
        public async Task Hybrid_scripts_face_and_photo_writes_after_a_minute_idle_lose_nothing_on_default_face()
        {
            using var source = await Emu.Start("face", users: 40);
            using var destination = await Emu.Start("face");
            using var src = RawClient.Tcp(source.Port);
            using var dst = RawClient.Tcp(destination.Port);
            // fpmachine's ZMM220_TFT.connect(0): CONNECT answered 2005, then commands without CMD_AUTH.
            Assert.Equal(ReplyCode.Unauthorized, src.Connect().Command);
            Assert.Equal(ReplyCode.Unauthorized, dst.Connect().Command);

            var users = source.State.Users.OrderBy(u => u.Uid).ToList();
            foreach (var user in users) // pyzk set_user (8): a 72-byte record with the source's uid and user id
                RawClient.Require(dst.Request(CommandCode.UserWrite, Records.User(user.Uid, user.Pin2)), ReplyCode.Ok);

            var media = new List<(string Pin2, byte[] Faces, byte[]? Photo)>();
            foreach (var user in users)
            {
                RawClient.Require(src.Request(CommandCode.DisableDevice), ReplyCode.Ok);
                var faceReply = src.Request(CommandCode.UserFaceRead, PinPayload.FaceRequest(user.Pin2));
                var faces = src.ReceiveLarge(faceReply).Data;
                RawClient.Require(src.Request(CommandCode.EnableDevice), ReplyCode.Ok);
                var photoReply = src.Request(CommandCode.UserPhotoRead, PinPayload.FileName(user.Pin2 + ".jpg"));
                bool hasPhoto = photoReply.Command == CommandCode.PrepareData;
                byte[]? photo = hasPhoto ? src.ReceiveLarge(photoReply).Data : null;
                media.Add((user.Pin2, faces, photo));
            }
            Assert.All(media, m => Assert.NotEmpty(m.Faces));

            // Reading 40 users' faces and photos from a real terminal takes about a minute; the destination hears
            // nothing.
            Assert.Null(dst.Receive(IdlePeerTests.LongIdle));

            foreach (var (pin2, faces, photo) in media)
            {
                var faceWrite = PinPayload.FaceRequest(pin2, faces.Length);
                Assert.Equal(ReplyCode.Ok, SetWrapped(dst, faces, CommandCode.UserFaceWrite, faceWrite));
                if (photo != null)
                {
                    var photoWrite = PinPayload.PhotoWrite(pin2);
                    Assert.Equal(ReplyCode.Ok, SetWrapped(dst, photo, CommandCode.UserPhotoWrite, photoWrite));
                }
            }

            Assert.Equal(0, destination.Counters.IdleCloses);
            foreach (var (pin2, faces, photo) in media)
            {
                var uid = destination.State.FindUserByPin(pin2)!.Uid;
                Assert.Equal(faces, destination.State.FacesOf(uid).SelectMany(r => r).ToArray());
                if (photo != null) Assert.Equal(photo, destination.State.Photos[pin2 + ".jpg"]);
            }
            Assert.Equal(media.Count(m => m.Photo != null), destination.State.Photos.Count);
        }

        /// <summary>
        /// fpmachine's set face / set photo: disable, 1500, the whole buffer in one 1501, 119, the command, 1502,
        /// enable, 1013.
        /// </summary>
        private static ushort SetWrapped(RawClient c, byte[] data, ushort command, byte[] payload)
        {
            RawClient.Require(c.Request(CommandCode.DisableDevice), ReplyCode.Ok);
            RawClient.Require(c.Request(CommandCode.PrepareData, BulkPayloads.PrepareData(data.Length)), ReplyCode.Ok);
            RawClient.Require(c.Request(CommandCode.Data, data), ReplyCode.Ok);
            var hash = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(hash, BufferHash.Compute(data));
            RawClient.Require(c.Request(CommandCode.HashData, hash), ReplyCode.Ok);
            ushort result = c.Request(command, payload).Command;
            RawClient.Require(c.Request(CommandCode.FreeData), ReplyCode.Ok);
            RawClient.Require(c.Request(CommandCode.EnableDevice), ReplyCode.Ok);
            RawClient.Require(c.Request(CommandCode.RefreshData), ReplyCode.Ok);
            return result;
        }
    }
}
