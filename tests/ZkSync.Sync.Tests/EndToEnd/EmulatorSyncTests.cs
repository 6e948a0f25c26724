using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Emulator.Core.Device;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Model;
using ZkSync.Sync;

namespace ZkSync.Sync.Tests.EndToEnd
{
    /// <summary>The engine over real client sessions against the emulator on loopback.</summary>
    public class EmulatorSyncTests
    {
        [Fact]
        public async Task Full_sync_from_a_face_device_to_empty_tft_then_an_incremental_run_writes_nothing()
        {
            await using var emus = new Emulators();
            var face = await emus.StartAsync("face", users: 12);
            var tft = await emus.StartAsync("tft");

            var first = await SyncEngine.RunAsync(
                Emulators.Endpoint(face),
                new[] { Emulators.Endpoint(tft) },
                new SyncOptions()
            );

            var summary = first.Summaries.Single();
            Assert.Null(summary.Error);
            Assert.Equal(12, summary.Added);
            Assert.True(summary.BytesUploaded > 0);
            Assert.All(first.Items, i =>
            {
                Assert.Equal(SyncItemStatus.Succeeded, i.Status);
                Assert.Equal(KindOutcome.Written, i.Fingerprints);
                Assert.Equal(KindOutcome.Skipped, i.Faces);
                Assert.Equal(KindOutcome.Written, i.Photos);
            });

            // Judged by what the emulators store (the tft destination has no face function).
            lock (tft.State.Sync)
                Assert.Equal(12, tft.State.UserCount);
            Assert.All(first.Items, i => Assert.Empty(StoredStateDifferences.Of(face, tft, i.UserId, faces: false)));

            var second = await SyncEngine.RunAsync(
                Emulators.Endpoint(face),
                new[] { Emulators.Endpoint(tft) },
                new SyncOptions()
            );
            Assert.Equal(0, second.Summaries[0].BytesUploaded);
            Assert.Equal(12, second.Summaries[0].Unchanged);
            Assert.All(second.Items, i => Assert.Equal(SyncAction.Unchanged, i.Action));
        }

        [Fact]
        public async Task Face_to_face_sync_copies_faces_rekeyed_and_verifies_them()
        {
            await using var emus = new Emulators();
            var a = await emus.StartAsync("face", users: 4);
            var b = await emus.StartAsync("face", users: 0);
            using var observer = await Emulators.ObserveAsync(b);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(a),
                new[] { Emulators.Endpoint(b) },
                new SyncOptions { MediaBatchUsers = 3 }
            );

            Assert.Equal(4, report.Items.Count); // one item per user: Assert.All over none would pass
            Assert.All(report.Items, i =>
                Assert.Equal((SyncItemStatus.Succeeded, KindOutcome.Written), (i.Status, i.Faces))
            );
            // Written while disabled, refreshed once before the device was enabled again.
            Assert.False(b.State.Disabled);
            Assert.False(b.State.RefreshPending);
            // Judged by what the emulators store: every record, template, face (re-keyed to the destination's uid) and
            // photo.
            lock (b.State.Sync)
            {
                Assert.Equal(4, b.State.UserCount);
                Assert.All(b.State.Users, u => Assert.Equal(15, b.State.FacesOf(u.Uid).Count));
                Assert.All(b.State.Users, u =>
                    Assert.All(b.State.FacesOf(u.Uid), f => Assert.Equal(u.Uid, f[2] | (f[3] << 8)))
                );
            }
            Assert.All(report.Items, i => Assert.Empty(StoredStateDifferences.Of(a, b, i.UserId)));
            var again = await SyncEngine.RunAsync(
                Emulators.Endpoint(a),
                new[] { Emulators.Endpoint(b) },
                new SyncOptions()
            );
            Assert.Equal(0, again.Summaries[0].BytesUploaded);
        }

        /// <summary>A tft source of 4 users whose first template is marked duress (flag 3), and an empty tft
        /// destination.</summary>
        private static async Task<(
            DeviceEmulator Source,
            DeviceEmulator Destination,
            ZkSync.Emulator.Core.Device.StoredTemplate Duress
        )> DuressSourceAsync(Emulators emus)
        {
            var a = await emus.StartAsync("tft", users: 4);
            var b = await emus.StartAsync("tft");
            var first = a.State.Templates.First();
            var marked = new ZkSync.Emulator.Core.Device.StoredTemplate(first.Uid, first.Finger, 3, first.Data);
            a.State.PutTemplate(marked);
            return (a, b, marked);
        }

        [Fact]
        public async Task A_duress_finger_is_copied_as_duress_verified_and_then_unchanged()
        {
            await using var emus = new Emulators();
            var (a, b, marked) = await DuressSourceAsync(emus);

            var first = await SyncEngine.RunAsync(
                Emulators.Endpoint(a),
                new[] { Emulators.Endpoint(b) },
                new SyncOptions()
            );
            Assert.Equal(4, first.Items.Count);
            Assert.All(first.Items, i =>
                Assert.Equal((SyncItemStatus.Succeeded, KindOutcome.Written), (i.Status, i.Fingerprints))
            );
            string pin = a.State.FindUser(marked.Uid)!.Pin2;
            var copy = b.State.Templates.Single(t =>
                t.Uid == b.State.FindUserByPin(pin)!.Uid && t.Finger == marked.Finger
            );
            Assert.Equal(3, copy.Flag);
            Assert.Equal(marked.Data, copy.Data);
            Assert.Equal(a.State.TemplateCount, b.State.Templates.Count(t => t.Flag == 1) + 1);

            var again = await SyncEngine.RunAsync(
                Emulators.Endpoint(a),
                new[] { Emulators.Endpoint(b) },
                new SyncOptions()
            );
            Assert.Equal(4, again.Items.Count);
            Assert.All(again.Items, i => Assert.Equal(SyncAction.Unchanged, i.Action));
        }

        [Fact]
        public async Task A_refused_duress_finger_fails_only_its_user()
        {
            await using var emus = new Emulators();
            var (a, b, marked) = await DuressSourceAsync(emus);
            b.SetFaults(
                new ZkSync.Emulator.Core.FaultOptions
                {
                    ErrorCommand = ZkSync.Protocol.Framing.CommandCode.UserTemplateExWrite,
                }
            );
            using var observer = await Emulators.ObserveAsync(b);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(a),
                new[] { Emulators.Endpoint(b) },
                new SyncOptions()
            );

            string pin = a.State.FindUser(marked.Uid)!.Pin2;
            var failed = report.Items.Single(i => i.UserId == pin);
            Assert.Equal((SyncItemStatus.Failed, KindOutcome.Failed), (failed.Status, failed.Fingerprints));
            Assert.Contains($"Writing finger {marked.Finger} of user {pin} with flag 3 (duress) failed", failed.Notes);
            Assert.All(report.Items.Where(i => i.UserId != pin), i => Assert.Equal(SyncItemStatus.Succeeded, i.Status));
            Assert.Null(report.Summaries[0].Error);
            Assert.False(b.State.Disabled);
        }

        [Fact]
        public async Task Sync_to_a_black_and_white_device_truncates_names_when_allowed()
        {
            await using var emus = new Emulators();
            var face = await emus.StartAsync("face", users: 10);
            var bw = await emus.StartAsync("bw");

            var refused = await SyncEngine.RunAsync(
                Emulators.Endpoint(face),
                new[] { Emulators.Endpoint(bw) },
                new SyncOptions { Kinds = SyncDataKinds.Users, WhatIf = true }
            );
            var cut = await SyncEngine.RunAsync(
                Emulators.Endpoint(face),
                new[] { Emulators.Endpoint(bw) },
                new SyncOptions { AllowTruncation = true }
            );

            Assert.Contains(refused.Items, i => i.Status == SyncItemStatus.Failed && i.Notes.Contains("holds 8"));
            Assert.Equal(10, cut.Summaries[0].Added);
            Assert.Contains(cut.Items, i => i.Notes.Contains("stored as"));
            Assert.All(cut.Items, i => Assert.Equal(KindOutcome.Skipped, i.Faces));
            var again = await SyncEngine.RunAsync(
                Emulators.Endpoint(face),
                new[] { Emulators.Endpoint(bw) },
                new SyncOptions { AllowTruncation = true }
            );
            Assert.Equal(0, again.Summaries[0].BytesUploaded);
        }

        [Fact]
        public async Task Mirror_removes_destination_only_users_from_the_device()
        {
            await using var emus = new Emulators();
            var src = await emus.StartAsync("tft", users: 5);
            var dst = await emus.StartAsync("tft");
            await SyncEngine.RunAsync(Emulators.Endpoint(src), new[] { Emulators.Endpoint(dst) }, new SyncOptions());
            using (var c = await Emulators.ConnectAsync(dst))
            {
                await c.SetUserAsync(new ZkUser { UserId = "777", Name = "Extra" });
                await c.CloseAsync();
            }

            var kept = await SyncEngine.RunAsync(
                Emulators.Endpoint(src),
                new[] { Emulators.Endpoint(dst) },
                new SyncOptions()
            );
            var mirrored = await SyncEngine.RunAsync(
                Emulators.Endpoint(src),
                new[] { Emulators.Endpoint(dst) },
                new SyncOptions { Mirror = true }
            );

            Assert.Equal(SyncAction.Kept, kept.Items.Single(i => i.UserId == "777").Action);
            var removed = mirrored.Items.Single(i => i.UserId == "777");
            Assert.Equal((SyncAction.Removed, SyncItemStatus.Succeeded), (removed.Action, removed.Status));
            using var check = await Emulators.ConnectAsync(dst);
            Assert.DoesNotContain(await check.GetUsersAsync(), u => u.UserId == "777");
            Assert.Equal(5, (await check.GetUsersAsync()).Count);
            await check.CloseAsync();
        }

        [Fact]
        public async Task Too_small_destination_fails_before_writing_and_says_how_many_fit()
        {
            await using var emus = new Emulators();
            var src = await emus.StartAsync("tft", users: 20);
            var dst = await emus.StartAsync("tft", configure: o => o.UserCapacity = 7);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(src),
                new[] { Emulators.Endpoint(dst) },
                new SyncOptions()
            );

            Assert.Contains("adds 20 users but only 7 fit", report.Summaries[0].Error);
            Assert.Equal(0, report.Summaries[0].BytesUploaded);
            using var check = await Emulators.ConnectAsync(dst);
            Assert.Empty(await check.GetUsersAsync());
            await check.CloseAsync();
        }

        [Fact]
        public async Task Fan_out_to_three_destinations_with_one_unreachable()
        {
            await using var emus = new Emulators();
            var src = await emus.StartAsync("face", users: 6);
            var d1 = await emus.StartAsync("tft");
            var d2 = await emus.StartAsync("face");
            var closed = ZkClientSyncDevice.Endpoint(Emulators.Options(Emulators.ClosedPort()));

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(src),
                new[] { Emulators.Endpoint(d1), closed, Emulators.Endpoint(d2) },
                new SyncOptions { ThrottleLimit = 3 }
            );

            Assert.NotNull(report.Summaries[1].Error);
            Assert.Equal(6, report.Summaries[1].Failed);
            Assert.Equal(6, report.Summaries[0].Added);
            Assert.Equal(6, report.Summaries[2].Added);
            var toD2 = report
                .Items.Where(i => i.Destination.Contains(d2.Port.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            Assert.Equal(6, toD2.Count);
            Assert.All(toD2, i => Assert.Equal(KindOutcome.Written, i.Faces));
            Assert.Equal(12, report.Items.Count);
        }

        [Fact]
        public async Task Backup_of_an_emulator_restores_into_another()
        {
            await using var emus = new Emulators();
            var src = await emus.StartAsync("face", users: 3, configure: o => o.AttendanceRecords = 9);
            var dst = await emus.StartAsync("face");
            var path = System.IO.Path.Combine(
                System.IO.Path.GetTempPath(),
                "zksync-e2e-" + Guid.NewGuid().ToString("N") + ".zksync"
            );
            try
            {
                using (var device = new ZkClientSyncDevice(await Emulators.ConnectAsync(src), ownsClient: true))
                {
                    var manifest = await Backup.BackupWriter.CreateAsync(
                        device,
                        path,
                        new Backup.BackupOptions { Password = "pw" }
                    );
                    Assert.Equal(
                        (3, 45, 9),
                        (manifest.Counts.Users, manifest.Counts.FaceRecords, manifest.Counts.Attendance)
                    );
                    await device.CloseAsync(default);
                }
                var report = await SyncEngine.RunAsync(
                    Backup.BackupFile.Endpoint(path, "pw"),
                    new[] { Emulators.Endpoint(dst) },
                    new SyncOptions()
                );
                Assert.Equal(3, report.Items.Count);
                Assert.All(report.Items, i =>
                    Assert.Equal(
                        (SyncAction.Added, SyncItemStatus.Succeeded, KindOutcome.Written),
                        (i.Action, i.Status, i.Faces)
                    )
                );
            }
            finally
            {
                System.IO.File.Delete(path);
            }
        }
    }
}
