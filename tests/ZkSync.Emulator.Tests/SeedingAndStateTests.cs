using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Persistence;
using ZkSync.Emulator.Core.Seeding;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    public class SeedingAndStateTests
    {
        private static DeviceState Seed(string profile, int users, int seed)
        {
            var o = new EmulatorOptions
            {
                Profile = profile,
                Users = users,
                Seed = seed,
            };
            return Seeder.Seed(DeviceProfile.Resolve(o), o);
        }

        private static string Fingerprint(DeviceState s) =>
            string.Join(
                "|",
                Convert.ToBase64String(s.UserTable()),
                Convert.ToBase64String(s.TemplateTable()),
                Convert.ToBase64String(s.AttendanceTable()),
                string.Join(
                    ",",
                    s.AllFaces.Select(kv =>
                        kv.Key + ":" + Convert.ToBase64String(kv.Value.SelectMany(r => r).ToArray())
                    )
                ),
                string.Join(
                    ",",
                    s.Photos.OrderBy(kv => kv.Key).Select(kv => kv.Key + ":" + Convert.ToBase64String(kv.Value))
                )
            );

        [Theory]
        [InlineData("tft")]
        [InlineData("bw")]
        [InlineData("face")]
        public void Same_seed_gives_the_same_bytes_and_another_seed_differs(string profile)
        {
            Assert.Equal(Fingerprint(Seed(profile, 30, 5)), Fingerprint(Seed(profile, 30, 5)));
            Assert.NotEqual(Fingerprint(Seed(profile, 30, 5)), Fingerprint(Seed(profile, 30, 6)));
        }

        [Fact]
        public void Seeded_users_look_like_a_real_device()
        {
            var s = Seed("tft", 200, 1);
            var users = s.Users.ToList();
            Assert.Equal(200, users.Count);
            Assert.All(users, u => Assert.True(u.Pin2.All(char.IsDigit) && u.Pin2.Length <= 9));
            Assert.Equal(200, users.Select(u => u.Pin2).Distinct().Count());
            Assert.Contains(users, u => u.Privilege == 14);
            Assert.Contains(users, u => u.HasPassword);
            var perUser = s.Templates.GroupBy(t => t.Uid).Select(g => g.Count()).ToList();
            Assert.Equal(200, perUser.Count);
            Assert.All(perUser, n => Assert.InRange(n, 1, 3));
            Assert.All(s.Templates, t => Assert.InRange(t.Data.Length, 500, 1600));
            Assert.All(s.Templates, t => Assert.Equal("SS21", System.Text.Encoding.ASCII.GetString(t.Data, 2, 4)));
            Assert.Equal(600, s.Attendance.Count);
            Assert.Empty(s.AllFaces);
        }

        [Fact]
        public void Ten_thousand_users_seed_and_faces_stop_at_the_face_capacity()
        {
            var s = Seed("face", 10000, 2);
            Assert.Equal(10000, s.UserCount);
            Assert.Equal(700, s.UsersWithFaces);
            Assert.All(s.AllFaces, kv => Assert.Equal(15, kv.Value.Count));
            Assert.Equal(10000, s.Photos.Count);
        }

        [Fact]
        public async Task State_file_round_trips_through_stop_and_start()
        {
            string path = Path.Combine(Path.GetTempPath(), "zksync-emu-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                var emu = await Emu.Start("face", 12, configure: o => o.StatePath = path);
                string before;
                using (var c = Emu.Client(emu))
                {
                    c.Request(CommandCode.UserWrite, Records.User(500, "50000", "Saved User"));
                    c.Request(CommandCode.DeleteUser, new byte[] { 3, 0 });
                    c.Request(CommandCode.OptionsWrite, System.Text.Encoding.ASCII.GetBytes("SDKBuild=1"));
                    before = Fingerprint(emu.State);
                }
                await emu.StopAsync();
                Assert.True(File.Exists(path));

                // Different seed and user count: the file wins when it exists.
                using var again = await Emu.Start("face", 99, configure: o =>
                {
                    o.StatePath = path;
                    o.Seed = 1234;
                });
                Assert.Equal(before, Fingerprint(again.State));
                Assert.Equal("Saved User", again.State.FindUserByPin("50000")!.ToUser(System.Text.Encoding.ASCII).Name);
                Assert.Equal("1", again.State.WrittenOptions["SDKBuild"]);

                await Assert.ThrowsAsync<InvalidDataException>(() =>
                    Emu.Start("bw", 0, configure: o => o.StatePath = path)
                );
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
