using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    public class FingerprintAndAttendanceTests
    {
        private static byte[] Template(int seed, int length)
        {
            var t = new byte[length];
            new Random(seed).NextBytes(t);
            return t;
        }

        [Theory]
        [InlineData("tft", ZkTransportKind.Tcp)]
        [InlineData("tft", ZkTransportKind.Udp)]
        [InlineData("bw", ZkTransportKind.Tcp)]
        [InlineData("bw", ZkTransportKind.Udp)]
        public async Task Read_all_read_one_delete(string profile, ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync(profile, kind, users: 12);
            var c = d.Client;
            var all = await c.GetFingerprintsAsync();
            Assert.NotEmpty(all); // the per-template checks below would pass over none
            Assert.Equal(d.Emulator.State.TemplateCount, all.Count);
            var users = await c.GetUsersAsync();
            Assert.All(all, f => Assert.Equal(users.Single(u => u.Uid == f.Uid).UserId, f.UserId));

            var first = all[0];
            var one = await c.GetFingerprintAsync(first.UserId, first.FingerIndex);
            Assert.NotNull(one);
            Assert.Equal(first.Template, one!.Template);
            int missingFinger = Enumerable
                .Range(0, 10)
                .First(f => !all.Any(x => x.Uid == first.Uid && x.FingerIndex == f));
            Assert.Null(await c.GetFingerprintAsync(first.UserId, missingFinger));
            Assert.Null(await c.GetFingerprintAsync("999999", 0));

            Assert.True(await c.DeleteFingerprintAsync(first.UserId, first.FingerIndex));
            Assert.False(await c.DeleteFingerprintAsync(first.UserId, first.FingerIndex));
            int remaining = all.Count(f => f.Uid == first.Uid) - 1;
            Assert.Equal(remaining, await c.DeleteFingerprintsAsync(first.UserId));
            Assert.DoesNotContain(await c.GetFingerprintsAsync(), f => f.Uid == first.Uid);
            await Assert.ThrowsAsync<ZkInvalidDataException>(() => c.GetFingerprintAsync(first.UserId, 10));
        }

        [Theory]
        [InlineData("tft", 10, ZkTransportKind.Tcp)]
        [InlineData("tft", 10, ZkTransportKind.Udp)]
        [InlineData("bw", 9, ZkTransportKind.Tcp)]
        [InlineData("bw", 9, ZkTransportKind.Udp)]
        public async Task A_duress_finger_keeps_its_flag_through_a_batch_write(
            string profile,
            int algorithm,
            ZkTransportKind kind
        )
        {
            await using var d = await Emulated.OpenAsync(profile, kind, users: 2, configure: o =>
                o.FingerprintVersion = algorithm
            );
            var c = d.Client;
            var existing = (await c.GetUsersAsync()).OrderBy(u => u.Uid).First();
            var taken = (await c.GetFingerprintsAsync()).First(f => f.Uid == existing.Uid);
            var batch = new List<UserWithFingerprints>
            {
                new UserWithFingerprints(
                    new ZkUser { UserId = "501", Name = "New" },
                    new[]
                    {
                        new ZkFingerprint(0, 0, 1, Template(1, 500)),
                        new ZkFingerprint(0, 1, 3, Template(2, 480)), // duress
                    }
                ),
                // An existing user's taken finger rewritten as duress (ZKFinger 9 refuses a taken finger: deleted
                // first).
                new UserWithFingerprints(
                    existing,
                    new[] { new ZkFingerprint(0, taken.FingerIndex, 3, Template(3, 520)) }
                ),
            };
            await c.WriteUsersAsync(batch);

            var stored = await c.GetFingerprintsAsync();
            Assert.Equal(1, stored.Single(f => f.UserId == "501" && f.FingerIndex == 0).Flag);
            var duress = stored.Single(f => f.UserId == "501" && f.FingerIndex == 1);
            Assert.Equal(3, duress.Flag);
            Assert.Equal(Template(2, 480), duress.Template);
            var rewritten = stored.Single(f => f.UserId == existing.UserId && f.FingerIndex == taken.FingerIndex);
            Assert.Equal(3, rewritten.Flag);
            Assert.Equal(Template(3, 520), rewritten.Template);
            Assert.True(rewritten.IsDuress);
        }

        [Theory]
        [InlineData("tft", ZkTransportKind.Tcp)]
        [InlineData("tft", ZkTransportKind.Udp)]
        [InlineData("bw", ZkTransportKind.Tcp)]
        [InlineData("bw", ZkTransportKind.Udp)]
        public async Task Batch_write_resolves_uids_on_this_device(string profile, ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync(profile, kind, users: 5);
            var c = d.Client;
            var existing = (await c.GetUsersAsync()).OrderBy(u => u.Uid).First();
            var batch = new List<UserWithFingerprints>
            {
                new UserWithFingerprints(
                    new ZkUser
                    {
                        UserId = existing.UserId,
                        Name = "Renamed",
                        Uid = 4000,
                    },
                    new[] { new ZkFingerprint(0, 7, 1, Template(1, 1200)) }
                ),
                new UserWithFingerprints(
                    new ZkUser
                    {
                        UserId = "9001",
                        Name = "New one",
                        Uid = 1,
                    },
                    new[]
                    {
                        new ZkFingerprint(0, 0, 1, Template(2, 900)),
                        new ZkFingerprint(0, 1, 1, Template(3, 1500)),
                    }
                ),
                new UserWithFingerprints(new ZkUser { UserId = "9002", Name = "NoPrint" }),
            };
            var progress = new List<ZkTransferProgress>();
            var results = await c.WriteUsersAsync(batch, new Progress(progress));
            Assert.Equal(new[] { false, true, true }, results.Select(r => r.Created));
            Assert.Equal(existing.Uid, results[0].Uid);
            Assert.Equal(new ushort[] { 6, 7 }, results.Skip(1).Select(r => r.Uid)); // seeded uids are 1-5
            Assert.NotEmpty(progress);

            var users = await c.GetUsersAsync();
            Assert.Equal(7, users.Count);
            Assert.Equal("Renamed", users.Single(u => u.UserId == existing.UserId).Name);
            var prints = await c.GetFingerprintsAsync();
            Assert.Equal(
                Template(1, 1200),
                prints.Single(f => f.UserId == existing.UserId && f.FingerIndex == 7).Template
            );
            Assert.Equal(Template(3, 1500), prints.Single(f => f.UserId == "9001" && f.FingerIndex == 1).Template);
            Assert.True(c.Traffic.UploadedBytes > 1200 + 900 + 1500);
        }

        [Fact]
        public async Task Batch_bigger_than_free_room_is_refused_before_upload()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp, users: 3, configure: o =>
                o.UserCapacity = 4
            );
            var batch = Enumerable
                .Range(0, 2)
                .Select(i => new UserWithFingerprints(
                    new ZkUser { UserId = (500 + i).ToString(CultureInfo.InvariantCulture) }
                ))
                .ToList();
            await Assert.ThrowsAsync<ZkCapacityException>(() => d.Client.WriteUsersAsync(batch));
            Assert.Equal(0, d.Client.Traffic.UploadedBytes);
        }

        [Fact]
        public async Task Duplicate_user_id_in_a_batch_is_refused()
        {
            await using var d = await Emulated.OpenAsync("tft", ZkTransportKind.Tcp);
            var batch = new[]
            {
                new UserWithFingerprints(new ZkUser { UserId = "1" }),
                new UserWithFingerprints(new ZkUser { UserId = "1" }),
            };
            await Assert.ThrowsAsync<ZkInvalidDataException>(() => d.Client.WriteUsersAsync(batch));
        }

        [Theory]
        [InlineData("tft", ZkTransportKind.Tcp)]
        [InlineData("bw", ZkTransportKind.Udp)]
        public async Task Attendance_read_and_clear(string profile, ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync(profile, kind, users: 20, configure: o =>
                o.AttendanceRecords = 200
            );
            var records = await d.Client.GetAttendanceAsync();
            Assert.Equal(200, records.Count);
            var users = await d.Client.GetUsersAsync();
            var expected = d.Emulator.State.Attendance;
            for (int i = 0; i < records.Count; i++)
            {
                Assert.Equal(expected[i].UserId, records[i].UserId);
                Assert.Equal(expected[i].Timestamp, records[i].Timestamp);
                Assert.Equal(users.Single(u => u.UserId == records[i].UserId).Uid, records[i].Uid);
            }
            await d.Client.ClearAttendanceAsync();
            Assert.Empty(await d.Client.GetAttendanceAsync());
        }

        private sealed class Progress : IProgress<ZkTransferProgress>
        {
            private readonly List<ZkTransferProgress> _list;
            public Progress(List<ZkTransferProgress> list) => _list = list;
            public void Report(ZkTransferProgress value) { lock (_list) _list.Add(value); }
        }
    }
}

namespace ZkSync.Protocol.Tests.Client
{
    public class LargeBatchTests
    {
        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Two_thousand_users_with_templates_in_one_upload(ZkTransportKind kind)
        {
            await using var d = await Emulated.OpenAsync("tft", kind);
            var rng = new Random(3);
            var batch = Enumerable
                .Range(1, 2000)
                .Select(i =>
                {
                    var t = new byte[600 + i % 400];
                    rng.NextBytes(t);
                    return new UserWithFingerprints(
                        new ZkUser { UserId = (100000 + i).ToString(CultureInfo.InvariantCulture), Name = "U" + i },
                        new[] { new ZkFingerprint(0, (byte)(i % 10), 1, t) }
                    );
                })
                .ToList();
            var results = await d.Client.WriteUsersAsync(batch);
            Assert.Equal(Enumerable.Range(1, 2000).Select(i => (ushort)i), results.Select(r => r.Uid));
            var prints = await d.Client.GetFingerprintsAsync();
            Assert.Equal(2000, prints.Count);
            var byUser = prints.ToDictionary(p => p.UserId);
            Assert.All(batch, b => Assert.Equal(b.Fingerprints[0].Template, byUser[b.User.UserId].Template));
        }
    }
}
