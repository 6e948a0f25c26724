using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Tests
{
    public class UserWriteTests
    {
        [Fact]
        public async Task New_user_is_added_and_same_uid_same_pin_overwrites()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserWrite, Records.User(5, "500", "First")).Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserWrite, Records.User(5, "500", "Second")).Command);
            var user = Assert.Single(emu.State.Users);
            Assert.Equal("Second", user.ToUser(System.Text.Encoding.ASCII).Name);
        }

        [Fact]
        public async Task Pin_owned_by_another_uid_is_refused_with_sub_code_1()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(5, "500"));
            var reply = c.Request(CommandCode.UserWrite, Records.User(6, "500"));
            Assert.Equal(ReplyCode.Error, reply.Command);
            Assert.Equal(1, reply.SessionId);
            // Changing the PIN2 of an existing uid fails too (the uid is taken).
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserWrite, Records.User(5, "501")).Command);
            Assert.Equal("500", Assert.Single(emu.State.Users).Pin2);
        }

        [Fact]
        public async Task Capacity_pin_width_empty_pin_and_record_size_are_enforced()
        {
            using var emu = await Emu.Start(configure: o => o.UserCapacity = 2);
            using var c = Emu.Client(emu);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserWrite, Records.User(1, "1")).Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserWrite, Records.User(2, "2")).Command);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserWrite, Records.User(3, "3")).Command);
            // 10 > ~PIN2Width 9
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserWrite, Records.User(1, "1234567890")).Command);
            var noPin = Records.User(1, "1");
            noPin[48] = 0;
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserWrite, noPin).Command);
            Assert.Equal(
                ReplyCode.Error,
                c.Request(CommandCode.UserWrite, Records.User(1, "1", format: UserRecordFormat.Compact28)).Command
            );
            Assert.Equal(2, emu.State.UserCount);
        }

        [Fact]
        public async Task Bw_device_takes_28_byte_numeric_records_only()
        {
            using var emu = await Emu.Start("bw");
            using var c = Emu.Client(emu, EmulatorTransport.Udp);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserWrite, Records.Compact(7, 4321)).Command);
            Assert.Equal("4321", emu.State.FindUser(7)!.Pin2);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserWrite, Records.Compact(8, 0)).Command);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserWrite, Records.User(9, "9")).Command); // 72 bytes
        }

        [Fact]
        public async Task Names_are_stored_as_bytes_so_gbk_and_windows_1256_round_trip()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            var gbk = TextField.GetEncoding("gbk");
            var arabic = TextField.GetEncoding("windows-1256");
            var chinese = UserRecordCodec.Encode(
                new ZkUser
                {
                    Uid = 1,
                    UserId = "1",
                    Name = "张伟",
                },
                UserRecordFormat.Extended72,
                gbk,
                TruncationMode.Error
            );
            var arab = UserRecordCodec.Encode(
                new ZkUser
                {
                    Uid = 2,
                    UserId = "2",
                    Name = "محمد",
                },
                UserRecordFormat.Extended72,
                arabic,
                TruncationMode.Error
            );
            c.Request(CommandCode.UserWrite, chinese);
            c.Request(CommandCode.UserWrite, arab);
            var table = c.BulkRead(ZkSync.Protocol.Bulk.BulkReadTarget.Users);
            Assert.Equal(chinese, table.Skip(4).Take(72)); // stored and returned as the same bytes
            Assert.Equal("张伟", gbk.GetString(table, 4 + 11, 4)); // name @11: two GBK characters of 2 bytes
            Assert.Equal("محمد", arabic.GetString(table, 4 + 72 + 11, 4));
        }

        [Fact]
        public async Task Deleting_a_user_removes_its_templates_faces_and_photo()
        {
            using var emu = await Emu.Start("face", 3);
            var user = emu.State.FindUser(2)!;
            Assert.NotEmpty(emu.State.FacesOf(2));
            Assert.True(emu.State.Photos.ContainsKey(user.Pin2 + ".jpg"));
            Assert.Contains(emu.State.Templates, t => t.Uid == 2);
            using var c = Emu.Client(emu);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.DeleteUser, new byte[] { 2, 0 }).Command);
            Assert.Null(emu.State.FindUser(2));
            Assert.Empty(emu.State.FacesOf(2));
            Assert.False(emu.State.Photos.ContainsKey(user.Pin2 + ".jpg"));
            Assert.DoesNotContain(emu.State.Templates, t => t.Uid == 2);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.DeleteUser, new byte[] { 2, 0 }).Command);

            var pin3 = emu.State.FindUser(3)!.Pin2;
            Assert.Equal(
                ReplyCode.Ok,
                c.Request(CommandCode.SsrDeleteUser, PinPayload.FaceRequest(pin3).Take(24).ToArray()).Command
            );
            Assert.Null(emu.State.FindUser(3));
        }
    }
}
