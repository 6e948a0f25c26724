using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    public class UserTests
    {
        [Theory]
        [InlineData("tft", ZkTransportKind.Tcp)]
        [InlineData("tft", ZkTransportKind.Udp)]
        [InlineData("bw", ZkTransportKind.Tcp)]
        [InlineData("bw", ZkTransportKind.Udp)]
        public async Task Read_create_update_delete(string profile, ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync(profile, kind, users: 30);
            var c = d.Client;
            var users = await c.GetUsersAsync();
            Assert.Equal(30, users.Count);
            var expected = d.Emulator.State.Users.Select(u => u.Pin2).OrderBy(x => x);
            Assert.Equal(expected, users.Select(u => u.UserId).OrderBy(x => x));

            // Free a low uid so "lowest free" is observable, then create.
            Assert.True(await c.DeleteUserAsync(users.Single(u => u.Uid == 3).UserId));
            var created = await c.SetUserAsync(
                new ZkUser
                {
                    UserId = "777",
                    Name = "Ann",
                    Password = "42",
                    Uid = 9999,
                }
            );
            Assert.True(created.Created);
            Assert.Equal(3, created.Uid);

            var update = await c.SetUserAsync(
                new ZkUser
                {
                    UserId = "777",
                    Name = "Annie",
                    Privilege = ZkPrivilege.Admin,
                    Card = 12345,
                }
            );
            Assert.False(update.Created);
            Assert.Equal(3, update.Uid);

            var back = (await c.GetUsersAsync()).Single(u => u.UserId == "777");
            Assert.Equal(
                ("Annie", ZkPrivilege.Admin, 12345u, (ushort)3),
                (back.Name, back.Privilege, back.Card, back.Uid)
            );
            Assert.Equal(30, (await c.GetCountsAsync()).Users);

            Assert.True(await c.DeleteUserAsync("777"));
            Assert.False(await c.DeleteUserAsync("777"));
            Assert.DoesNotContain(await c.GetUsersAsync(), u => u.UserId == "777");
        }

        [Fact]
        public async Task Alphanumeric_ids_on_tft_and_refused_on_bw_before_anything_is_sent()
        {
            await using var tft = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp);
            await tft.Client.SetUserAsync(new ZkUser { UserId = "A1b2", Name = "x" });
            Assert.Contains(await tft.Client.GetUsersAsync(), u => u.UserId == "A1b2");

            await using var bw = await Emulated.OpenAsync("bw", ZkTransportKind.Tcp);
            long requests = bw.Client.Traffic.Requests;
            var ex = await Assert.ThrowsAsync<ZkInvalidDataException>(() =>
                bw.Client.SetUserAsync(new ZkUser { UserId = "A1b2" })
            );
            Assert.Equal("UserId", ex.Field);
            Assert.Equal(bw.Client.Device, ex.Device);
            await Assert.ThrowsAsync<ZkInvalidDataException>(() =>
                bw.Client.SetUserAsync(new ZkUser { UserId = "1234567890" })
            ); // PIN width 9
            await Assert.ThrowsAsync<ZkInvalidDataException>(() =>
                bw.Client.SetUserAsync(new ZkUser { UserId = "1", Name = "much too long" })
            );
            Assert.Equal(requests, bw.Client.Traffic.Requests);
        }

        [Fact]
        public async Task Truncation_mode_cuts_and_reports()
        {
            using var emu = await Emulated.StartAsync("bw");
            var o = Emulated.Options(emu, ZkTransportKind.Tcp);
            o.Truncation = TruncationMode.Truncate;
            using var c = await ZkDeviceClient.ConnectAsync(o);
            var r = await c.SetUserAsync(new ZkUser { UserId = "5", Name = "Maximilian", Password = "1234567" });
            Assert.Equal(new[] { "Password", "Name" }, r.Truncations.Select(t => t.Field).OrderByDescending(f => f));
            var back = (await c.GetUsersAsync()).Single();
            Assert.Equal(("Maximili", "12345"), (back.Name, back.Password));
        }

        [Theory]
        [InlineData("gbk", "张三丰")]
        [InlineData("windows-1256", "محمد علي")]
        public async Task Names_round_trip_in_the_connection_encoding(string encoding, string name)
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp, encoding: encoding);
            await d.Client.SetUserAsync(new ZkUser { UserId = "88", Name = name });
            // The device stores bytes: the record holds the name in that code page, not UTF-8.
            var stored = d.Emulator.State.Users.Single().Record;
            var expected = TextField.GetEncoding(encoding).GetBytes(name);
            Assert.Equal(expected, stored.Skip(11).Take(expected.Length).ToArray());
            Assert.Equal(name, (await d.Client.GetUsersAsync()).Single().Name);
        }

        [Fact]
        public async Task Unencodable_name_is_refused_naming_the_field()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp, encoding: "windows-1256");
            var ex = await Assert.ThrowsAsync<ZkInvalidDataException>(() =>
                d.Client.SetUserAsync(new ZkUser { UserId = "1", Name = "张" })
            );
            Assert.Equal("Name", ex.Field);
            Assert.Empty(d.Emulator.State.Users);
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Ten_thousand_users_in_one_bulk_read(ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync("tft", kind, users: 10000, configure: o =>
                o.AttendanceRecords = 0
            );
            var users = await d.Client.GetUsersAsync();
            Assert.Equal(10000, users.Count);
            Assert.Equal(10000, users.Select(u => u.UserId).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, 10000).Select(i => (ushort)i), users.Select(u => u.Uid).OrderBy(u => u));
        }
    }
}
