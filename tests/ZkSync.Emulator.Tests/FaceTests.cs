using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Tests
{
    public class FaceTests
    {
        private static byte[] Blob(ushort uid, int count, byte fill) =>
            FaceRecordCodec.EncodeBlob(
                Enumerable
                    .Range(0, count)
                    .Select(i => FaceRecordCodec.Build(uid, (byte)i, 1, Enumerable.Repeat(fill, 1200).ToArray()))
                    .ToList()
            );

        [Fact]
        public async Task Face_read_returns_every_record_of_the_user()
        {
            using var emu = await Emu.Start("face", 3);
            var user = emu.State.FindUser(2)!;
            using var c = Emu.Client(emu);
            var large = c.ReceiveLarge(c.Request(CommandCode.UserFaceRead, PinPayload.FaceRequest(user.Pin2)));
            var faces = WireReader.Faces(large.Data);
            Assert.Equal(15, faces.Count);
            Assert.Equal(Enumerable.Range(0, 15).Select(i => (byte)i), faces.Select(f => f[4])); // FaceID @4
            Assert.All(faces, f => Assert.Equal(2, f[2] | f[3] << 8)); // uid @2
            Assert.All(faces, f => Assert.Equal(1, f[5])); // valid @5
            Assert.Equal(emu.State.FacesOf(2).SelectMany(r => r), large.Data);
        }

        [Fact]
        public async Task Face_read_refuses_small_index_unknown_user_and_non_face_profiles()
        {
            using var emu = await Emu.Start("face", 2);
            using var c = Emu.Client(emu);
            var request = PinPayload.FaceRequest(emu.State.FindUser(1)!.Pin2);
            request[25] = 3;
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserFaceRead, request).Command);
            Assert.Equal(
                ReplyCode.NoData,
                c.Request(CommandCode.UserFaceRead, PinPayload.FaceRequest("999999")).Command
            );

            using var tft = await Emu.Start("tft", 2);
            using var d = Emu.Client(tft);
            Assert.Equal(
                ReplyCode.Error,
                d.Request(CommandCode.UserFaceRead, PinPayload.FaceRequest(tft.State.FindUser(1)!.Pin2)).Command
            );
        }

        [Fact]
        public async Task Face_write_rewrites_the_uid_and_upserts_by_face_id()
        {
            using var emu = await Emu.Start("face", 0);
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(42, "4200"));
            var blob = Blob(uid: 7, count: 15, fill: 0x11); // read on another device where the uid was 7
            c.Upload(blob, 60000);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.HashData).Command);
            Assert.Equal(
                ReplyCode.Ok,
                c.Request(CommandCode.UserFaceWrite, PinPayload.FaceRequest("4200", blob.Length)).Command
            );
            Assert.Equal(15, emu.State.FacesOf(42).Count);
            Assert.All(emu.State.FacesOf(42), r => Assert.Equal(42, r[2] | r[3] << 8));

            var two = Blob(uid: 42, count: 2, fill: 0x22); // FaceIDs 0 and 1 replaced, 2..14 kept
            c.Upload(two, 60000);
            Assert.Equal(
                ReplyCode.Ok,
                c.Request(CommandCode.UserFaceWrite, PinPayload.FaceRequest("4200", two.Length)).Command
            );
            var faces = emu.State.FacesOf(42);
            Assert.Equal(15, faces.Count);
            Assert.Equal(0x22, faces[0][16]); // template @16
            Assert.Equal(0x11, faces[2][16]);
        }

        [Fact]
        public async Task Face_write_needs_an_existing_user_a_complete_upload_and_free_capacity()
        {
            using var emu = await Emu.Start("face", 0, configure: o => o.MaxFaceCount = 0);
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(1, "100"));
            var blob = Blob(1, 1, 0x33);
            c.Upload(blob);
            Assert.Equal(
                ReplyCode.Error,
                c.Request(CommandCode.UserFaceWrite, PinPayload.FaceRequest("555", blob.Length)).Command
            );
            Assert.Equal(
                ReplyCode.Error,
                c.Request(CommandCode.UserFaceWrite, PinPayload.FaceRequest("100", blob.Length)).Command
            ); // capacity 0
            Assert.True(emu.Log.Contains("face capacity"));
            Assert.Empty(emu.State.FacesOf(1));
        }

        [Fact]
        public async Task Face_delete_removes_all_and_reports_unknown_users()
        {
            using var emu = await Emu.Start("face", 2);
            string pin = emu.State.FindUser(1)!.Pin2;
            using var c = Emu.Client(emu);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserFaceDelete, PinPayload.FaceRequest(pin)).Command);
            Assert.Empty(emu.State.FacesOf(1));
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserFaceDelete, PinPayload.FaceRequest(pin)).Command);
            var unknown = c.Request(CommandCode.UserFaceDelete, PinPayload.FaceRequest("31337"));
            Assert.Equal(ReplyCode.Error, unknown.Command);
            Assert.Equal(2, unknown.SessionId);
            Assert.Equal(1, WireReader.FreeSize(c.Request(CommandCode.GetFreeSizes).Payload, 20)); // users with faces
        }
    }
}
