using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    public class FacePhotoTests
    {
        internal static byte[] Jpeg(int size, int seed)
        {
            var b = new byte[size];
            new Random(seed).NextBytes(b);
            b[0] = 0xFF; b[1] = 0xD8; b[^2] = 0xFF; b[^1] = 0xD9;
            return b;
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Faces_copy_between_users_exactly(ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync("face", kind, users: 3);
            var c = d.Client;
            var users = await c.GetUsersAsync();
            var source = users[0];
            var target = users[1];
            var faces = await c.GetFacesAsync(source.UserId);
            Assert.Equal(15, faces.Count);
            Assert.All(faces, f => { Assert.Equal(source.UserId, f.UserId); Assert.Equal(source.Uid, f.Uid); });

            var subset = faces.Take(5).ToList();
            await c.WriteFacesAsync(target.UserId, subset, exact: true);
            var copied = await c.GetFacesAsync(target.UserId);
            Assert.Equal(5, copied.Count);
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(target.Uid, copied[i].Uid); // the device rewrites the owner
                Assert.Equal(FaceRecordCodec.WithUid(subset[i].Raw, target.Uid), copied[i].Raw);
            }

            await c.DeleteFacesAsync(target.UserId);
            Assert.Empty(await c.GetFacesAsync(target.UserId));
            await Assert.ThrowsAsync<ZkInvalidDataException>(() => c.WriteFacesAsync("424242", subset));
        }

        [Fact]
        public async Task Faces_on_a_device_without_faces_are_not_supported()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp, users: 1);
            long requests = d.Client.Traffic.Requests;
            var ex = await Assert.ThrowsAsync<ZkNotSupportedException>(() => d.Client.GetFacesAsync("1"));
            Assert.Equal(d.Client.Device, ex.Device);
            await Assert.ThrowsAsync<ZkNotSupportedException>(() => d.Client.DeleteFacesAsync("1"));
            Assert.Equal(requests, d.Client.Traffic.Requests);
        }

        [Theory]
        [InlineData("face", ZkTransportKind.Tcp)]
        [InlineData("face", ZkTransportKind.Udp)]
        [InlineData("tft", ZkTransportKind.Tcp)]
        [InlineData("tft", ZkTransportKind.Udp)]
        public async Task Photo_set_get_and_delete(string profile, ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync(profile, kind, users: 2);
            var c = d.Client;
            var user = (await c.GetUsersAsync())[0];
            Assert.NotNull(await c.GetPhotoAsync(user.UserId)); // seeded
            var jpeg = Jpeg(20_000, 5);
            await c.SetPhotoAsync(user.UserId, jpeg);
            Assert.Equal(jpeg, await c.GetPhotoAsync(user.UserId));
            Assert.Null(await c.GetPhotoAsync("31337"));
            if (profile == "face")
            {
                Assert.True(await c.DeletePhotoAsync(user.UserId));
                Assert.False(await c.DeletePhotoAsync(user.UserId));
                Assert.Null(await c.GetPhotoAsync(user.UserId));
            }
            else
            {
                var ex = await Assert.ThrowsAsync<ZkNotSupportedException>(() => c.DeletePhotoAsync(user.UserId));
                Assert.Contains("no command to delete", ex.Message);
            }
        }

        [Fact]
        public async Task Bad_photos_are_refused_before_anything_is_sent()
        {
            await using var d = await Emulated.OpenAsync("face", ZkTransportKind.Tcp, users: 1);
            var c = d.Client;
            long requests = c.Traffic.Requests;
            var notJpeg = Jpeg(100, 1);
            notJpeg[0] = 0x89;
            Assert.Contains(
                "not a JPEG",
                (await Assert.ThrowsAsync<ZkInvalidDataException>(() => c.SetPhotoAsync("1", notJpeg))).Message
            );
            var big = Jpeg(c.Capabilities.MaxPhotoBytes + 1, 2);
            Assert.Contains(
                "at most",
                (await Assert.ThrowsAsync<ZkInvalidDataException>(() => c.SetPhotoAsync("1", big))).Message
            );
            Assert.Equal(requests, c.Traffic.Requests);
        }

        [Fact]
        public async Task Photos_on_a_device_without_photos_are_not_supported()
        {
            await using var d = await Emulated.OpenAsync("bw", ZkTransportKind.Tcp, users: 1);
            await Assert.ThrowsAsync<ZkNotSupportedException>(() => d.Client.GetPhotoAsync("1"));
            await Assert.ThrowsAsync<ZkNotSupportedException>(() => d.Client.SetPhotoAsync("1", Jpeg(100, 1)));
        }
    }
}
