using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core.Seeding;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Tests
{
    public class PhotoTests
    {
        private static byte[] Jpeg(int extra = 100) =>
            JpegWriter.WithComment(
                JpegWriter.Encode(Enumerable.Range(0, 16 * 16).Select(i => (byte)i).ToArray(), 16, 16, 80),
                new byte[extra]
            );

        [Fact]
        public async Task Zmm_photo_write_read_delete_and_absent()
        {
            using var emu = await Emu.Start("face", 0);
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(3, "300"));
            var jpeg = Jpeg();
            c.Upload(jpeg);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserPhotoWrite, PinPayload.PhotoWrite("300")).Command);
            var read = c.ReceiveLarge(c.Request(CommandCode.UserPhotoRead, PinPayload.FileName("300.jpg")));
            Assert.Equal(jpeg, read.Data);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserPhotoDelete, PinPayload.FileName("300.jpg")).Command);
            Assert.Equal(
                ReplyCode.NoPicture,
                c.Request(CommandCode.UserPhotoRead, PinPayload.FileName("300.jpg")).Command
            );
            Assert.Equal(
                ReplyCode.NoPicture,
                c.Request(CommandCode.UserPhotoDelete, PinPayload.FileName("300.jpg")).Command
            );
        }

        [Theory]
        [InlineData("not-jpeg")]
        [InlineData("oversize")]
        public async Task Photos_that_are_not_jpeg_or_too_big_are_acked_and_dropped_as_firmware(string kind)
        {
            using var emu = await Emu.Start("face", 0);
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(3, "300"));
            var data = kind == "oversize" ? Jpeg(31 * 1024) : Enumerable.Repeat((byte)0x42, 2000).ToArray();
            c.Upload(data, 60000);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserPhotoWrite, PinPayload.PhotoWrite("300")).Command);
            Assert.False(emu.State.Photos.ContainsKey("300.jpg"));
            Assert.True(emu.Log.Contains(kind == "oversize" ? "exceeds" : "not a JPEG"));
            Assert.True(emu.Log.Contains("ACKed and dropped (as firmware)"));
        }

        [Fact]
        public async Task File_family_writes_with_110_1700_and_reads_with_1702()
        {
            using var emu = await Emu.Start("tft", 0);
            using var c = Emu.Client(emu);
            var jpeg = Jpeg();
            c.Upload(jpeg);
            byte[] fileWrite = PinPayload.FileWrite("300.jpg");
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.ApplyUploadBuffer, fileWrite).Command);
            Assert.Equal(
                jpeg,
                c.ReceiveLarge(c.Request(CommandCode.ReadFile, PinPayload.FileName("photo/300.jpg"))).Data
            );
            Assert.Equal(
                ReplyCode.Error,
                c.Request(CommandCode.ReadFile, PinPayload.FileName("photo/301.jpg")).Command
            );
            // ZMM commands do not exist on this firmware.
            Assert.Equal(
                ReplyCode.Unknown,
                c.Request(CommandCode.UserPhotoRead, PinPayload.FileName("300.jpg")).Command
            );
        }

        [Fact]
        public async Task Seeded_photos_are_unique_jpegs_of_8_to_15_kb()
        {
            using var emu = await Emu.Start("face", 20);
            var photos = emu.State.Users.Select(u => emu.State.Photos[u.Pin2 + ".jpg"]).ToList();
            Assert.All(photos, p =>
            {
                Assert.InRange(p.Length, 8 * 1024, 15 * 1024);
                Assert.Equal(new byte[] { 0xFF, 0xD8 }, p.Take(2));
                Assert.Equal(new byte[] { 0xFF, 0xD9 }, p.Skip(p.Length - 2));
                JpegStructure.AssertBaseline(p);
            });
            Assert.Equal(photos.Count, photos.Select(Convert.ToBase64String).Distinct().Count());
        }
    }
}
