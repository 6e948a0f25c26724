using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Model;
using ZkSync.Sync;
using ZkSync.Sync.Backup;
using ZkSync.Sync.Tests.Fakes;
using static ZkSync.Sync.Tests.Fakes.TestData;

namespace ZkSync.Sync.Tests
{
    public sealed class BackupTests : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("zksync-backup-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private string PathOf(string name) => Path.Combine(_dir, name);

        private static FakeSyncDevice Source()
        {
            var d = SeededFaceDevice("src", 4);
            d.Seed(User("A/B.%", "Ünïcode 名前"), Fingers(50, 3), Faces(50, 2), null);
            d.Attendance.Add(
                new ZkAttendanceRecord
                {
                    Uid = 501,
                    UserId = "1",
                    Timestamp = new DateTime(2024, 5, 6, 7, 8, 9),
                    VerifyMethod = 1,
                    State = 0,
                    WorkCode = 3,
                }
            );
            d.Attendance.Add(
                new ZkAttendanceRecord
                {
                    Uid = 502,
                    UserId = "2",
                    Timestamp = new DateTime(2024, 5, 6, 17, 0, 0),
                    VerifyMethod = 15,
                    State = 1,
                }
            );
            return d;
        }

        private static void AssertSameAs(FakeSyncDevice src, BackupContent content)
        {
            Assert.Equal(src.Users.Keys, content.Users.Select(u => u.UserId).OrderBy(x => x, StringComparer.Ordinal));
            foreach (var u in content.Users)
            {
                var s = src.Users[u.UserId];
                Assert.Empty(SyncEquality.UserDifferences(s, u));
                Assert.Equal(s.Uid, u.Uid);
                Assert.Equal(s.TimeZones, u.TimeZones);
                Assert.True(
                    SyncEquality
                        .Fingerprints(src.FingersOf(u.UserId), content.Fingerprints.Where(f => f.UserId == u.UserId))
                        .IsEqual
                );
                var faces = content.Faces.TryGetValue(u.UserId, out var f) ? f : Array.Empty<ZkFaceRecord>();
                Assert.Equal(src.FacesOf(u.UserId).Select(r => r.Raw), faces.Select(r => r.Raw));
                Assert.Equal(src.PhotoOf(u.UserId), content.Photos.TryGetValue(u.UserId, out var p) ? p : null);
            }
            Assert.Equal(
                src.Attendance.Select(a => (a.UserId, a.Timestamp, a.VerifyMethod, a.State, a.WorkCode)),
                content.Attendance.Select(a => (a.UserId, a.Timestamp, a.VerifyMethod, a.State, a.WorkCode))
            );
            Assert.Equal("FAKE-src", content.Device.SerialNumber);
            Assert.Equal(7, content.Device.Capabilities.FaceAlgorithm);
            Assert.Equal(5, content.Manifest.Counts.Users);
            Assert.Equal(14, content.Manifest.Counts.FaceRecords);
        }

        [Fact]
        public async Task Plain_backup_round_trips_everything()
        {
            var src = Source();
            var path = PathOf("plain.zksync");

            var manifest = await BackupWriter.CreateAsync(src, path, new BackupOptions());

            Assert.Equal(BackupManifest.CurrentVersion, manifest.Version);
            Assert.Equal((byte)'P', File.ReadAllBytes(path)[0]);
            AssertSameAs(src, BackupFile.Load(path));
            Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
        }

        [Fact]
        public async Task Encrypted_backup_round_trips_and_hides_its_content()
        {
            var src = Source();
            var path = PathOf("secret.zksync");

            await BackupWriter.CreateAsync(src, path, new BackupOptions { Password = "correct horse" });

            var bytes = File.ReadAllBytes(path);
            Assert.Equal("ZKSBKENC", System.Text.Encoding.ASCII.GetString(bytes, 0, 8));
            Assert.Equal(200_000u, BitConverter.ToUInt32(bytes, 12));
            Assert.DoesNotContain("users.json", System.Text.Encoding.ASCII.GetString(bytes));
            using var file = BackupFile.Open(path, "correct horse");
            Assert.True(file.Encrypted);
            AssertSameAs(src, file.ReadContent());
        }

        [Fact]
        public async Task Missing_or_wrong_password_is_refused_with_a_typed_error()
        {
            var path = PathOf("secret.zksync");
            await BackupWriter.CreateAsync(Source(), path, new BackupOptions { Password = "right" });

            var none = Assert.Throws<ZkBackupPasswordException>(() => BackupFile.Open(path));
            Assert.Contains("encrypted", none.Message);
            var wrong = Assert.Throws<ZkBackupPasswordException>(() => BackupFile.Open(path, "wrong"));
            Assert.Contains("Wrong password", wrong.Message);
        }

        [Theory]
        [InlineData(200)] // ciphertext
        [InlineData(-40)] // ciphertext near the end
        [InlineData(-1)]  // MAC
        public async Task Any_altered_byte_of_an_encrypted_backup_is_refused(int offset)
        {
            var path = PathOf("secret.zksync");
            await BackupWriter.CreateAsync(Source(), path, new BackupOptions { Password = "pw" });
            var bytes = File.ReadAllBytes(path);
            bytes[offset >= 0 ? offset : bytes.Length + offset] ^= 0x01;
            File.WriteAllBytes(path, bytes);

            var ex = Assert.Throws<ZkBackupException>(() => BackupFile.Open(path, "pw"));
            Assert.IsNotType<ZkBackupPasswordException>(ex);
            Assert.Contains("altered", ex.Message);
        }

        [Fact]
        public async Task Altered_salt_reads_as_wrong_password_because_the_keys_change()
        {
            var path = PathOf("secret.zksync");
            await BackupWriter.CreateAsync(Source(), path, new BackupOptions { Password = "pw" });
            var bytes = File.ReadAllBytes(path);
            bytes[20] ^= 0x80;
            File.WriteAllBytes(path, bytes);
            Assert.Throws<ZkBackupPasswordException>(() => BackupFile.Open(path, "pw"));
        }

        [Fact]
        public async Task Altered_photo_in_a_plain_backup_is_refused()
        {
            var src = Source();
            var path = PathOf("plain.zksync");
            await BackupWriter.CreateAsync(src, path, new BackupOptions());
            var bytes = File.ReadAllBytes(path);
            var photo = src.PhotoOf("3")!;
            int at = IndexOf(bytes, photo.AsSpan(100, 32).ToArray());
            Assert.True(at > 0);
            bytes[at + 5] ^= 0xFF;
            File.WriteAllBytes(path, bytes);

            var ex = Assert.Throws<ZkBackupException>(() => BackupFile.Open(path));
            Assert.Contains("photos/3.jpg", ex.Message);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Truncated_backup_is_refused(bool encrypted)
        {
            var path = PathOf("cut.zksync");
            await BackupWriter.CreateAsync(Source(), path, new BackupOptions { Password = encrypted ? "pw" : null });
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length * 2 / 3).ToArray());

            Assert.Throws<ZkBackupException>(() => BackupFile.Open(path, encrypted ? "pw" : null));
        }

        [Fact]
        public void A_file_that_is_not_a_backup_is_refused()
        {
            var path = PathOf("notes.txt");
            File.WriteAllText(path, "hello, not a backup");
            Assert.Contains(
                "Not a ZkSync backup",
                Assert.Throws<ZkBackupException>(() => BackupFile.Open(path)).Message
            );
        }

        [Fact]
        public async Task Existing_file_is_kept_unless_overwrite_is_asked()
        {
            var path = PathOf("b.zksync");
            await BackupWriter.CreateAsync(Source(), path, new BackupOptions());
            await Assert.ThrowsAsync<ZkBackupException>(() =>
                BackupWriter.CreateAsync(new FakeSyncDevice("empty"), path, new BackupOptions())
            );
            Assert.Equal(5, BackupFile.Load(path).Users.Count);

            await BackupWriter.CreateAsync(new FakeSyncDevice("empty"), path, new BackupOptions { Overwrite = true });
            Assert.Empty(BackupFile.Load(path).Users);
        }

        [Fact]
        public async Task Backup_files_are_readable_by_their_owner_only_on_unix()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            var path = PathOf("mode.zksync");
            await BackupWriter.CreateAsync(Source(), path, new BackupOptions { Password = "pw" });
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        [Fact]
        public async Task Import_is_a_sync_from_the_backup()
        {
            var src = Source();
            var path = PathOf("import.zksync");
            await BackupWriter.CreateAsync(src, path, new BackupOptions { Password = "pw" });
            var dst = new FakeSyncDevice("dst");

            var first = await SyncEngine.RunAsync(
                BackupFile.Endpoint(path, "pw"),
                new[] { SyncEndpoint.Of(dst) },
                new SyncOptions()
            );
            var second = await SyncEngine.RunAsync(
                BackupFile.Endpoint(path, "pw"),
                new[] { SyncEndpoint.Of(dst) },
                new SyncOptions()
            );

            Assert.Equal(5, first.Summaries[0].Added);
            Assert.Equal("backup:import.zksync", first.Source);
            Assert.Equal(0, second.Summaries[0].BytesUploaded);
            Assert.Equal(5, second.Summaries[0].Unchanged);
            foreach (var id in src.Users.Keys)
            {
                Assert.True(SyncEquality.Faces(src.FacesOf(id), dst.FacesOf(id), true).IsEqual);
                Assert.Equal(src.PhotoOf(id), dst.PhotoOf(id));
            }
        }

        [Fact]
        public void Entry_names_escape_every_unsafe_user_id_character()
        {
            Assert.Equal("faces/A%2FB%2E%25.bin", BackupEntries.Faces("A/B.%"));
            Assert.Equal("photos/12_x-Y.jpg", BackupEntries.Photo("12_x-Y"));
        }

        [Theory]
        [InlineData(
            "passwd",
            "salt",
            1,
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef31"
                + "7c71b845b1e30bd509112041d3a19783"
        )]
        [InlineData(
            "Password",
            "NaCl",
            80000,
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b317"
                + "6a272bdebba1d078478f62b397f33c8d"
        )]
        public void Pbkdf2_sha256_matches_rfc7914_vectors_in_both_implementations(
            string password,
            string salt,
            int iterations,
            string hex
        )
        {
            var p = System.Text.Encoding.UTF8.GetBytes(password);
            var s = System.Text.Encoding.UTF8.GetBytes(salt);
            Assert.Equal(hex, Convert.ToHexStringLower(Pbkdf2.Managed(p, s, iterations, 64)));
            Assert.Equal(hex, Convert.ToHexStringLower(Pbkdf2.DeriveSha256(password, s, iterations, 64)));
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
            return -1;
        }
    }
}
