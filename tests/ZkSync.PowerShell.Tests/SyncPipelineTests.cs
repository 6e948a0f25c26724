using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Sync-ZkDevice and Compare-ZkDevice between in-process emulators.</summary>
    public sealed class SyncPipelineTests : DeviceTestBase
    {
        /// <summary>Everything a device stores, as text, to prove that a command changed nothing.</summary>
        private static readonly CompositeFormat StateOf = CompositeFormat.Parse(
            "(Get-ZkUser -Session {0} | ForEach-Object {{ $_.UserId + '/' + $_.Name + '/' + $_.Card }}) + "
                + "(Get-ZkFingerprint -Session {0} | ForEach-Object {{ $_.UserId + '/' + $_.FingerIndex + '/' + "
                    + "$_.Size }}) + "
                + "(Get-ZkFaceTemplate -Session {0} | ForEach-Object {{ $_.UserId + '/' + $_.FaceId + '/' + $_.Size "
                    + "}}) + "
                + "(Get-ZkUserPhoto -Session {0} | ForEach-Object {{ $_.UserId + '/' + $_.Size }})"
        );

        public SyncPipelineTests(ModuleFixture fixture)
            : base(fixture) { }

        internal static List<PSObject> OfType(PsResult result, string type) =>
            result.Output.Where(o => o.TypeNames[0] == "ZkSync.PowerShell." + type).ToList();

        /// <summary>The per-destination summaries, which go to the information stream unless -Summary is
        /// given.</summary>
        internal static List<PSObject> Summaries(PsResult result) =>
            result
                .Information.Where(r => r.Tags.Contains("ZkSync.Summary"))
                .Select(r => PSObject.AsPSObject(r.MessageData))
                .ToList();

        internal static string Text(PSObject o, string property) => o.Properties[property].Value?.ToString() ?? "";

        [Fact]
        public void Full_sync_to_an_empty_device_adds_everyone_compares_equal_and_a_second_run_writes_nothing()
        {
            Device("a", "face", users: 30);
            Device("b", "tft", extra: "-FaceVersion 7");

            PsResult first = Ok("Sync-ZkDevice -Source $a -Destination $b");
            List<PSObject> items = OfType(first, "ZkSyncResult");
            Assert.Equal(30, items.Count);
            Assert.All(items, i =>
                Assert.Equal(
                    ("Added", "Succeeded", "Written", "Written"),
                    (Text(i, "Action"), Text(i, "Status"), Text(i, "Faces"), Text(i, "Photos"))
                )
            );
            Assert.All(items, i => Assert.Equal(Strings("$b.Device").Single(), Text(i, "Destination")));
            PSObject summary = Assert.Single(Summaries(first));
            Assert.Equal(
                (30, 0, ""),
                (
                    (int)summary.Properties["Added"].Value,
                    (int)summary.Properties["Failed"].Value,
                    Text(summary, "Error")
                )
            );
            Assert.True((long)summary.Properties["BytesUploaded"].Value > 0);
            // Output is one type: the summary is on the information stream, so filters on results never see it.
            Assert.Equal(30, first.Output.Count);

            PsResult compared = Ok("Compare-ZkDevice -Reference $a -Difference $b");
            Assert.Equal(30, compared.Output.Count);
            Assert.All(compared.Output, c => Assert.Equal("Equal", Text(c, "Status")));

            PsResult second = Ok("Sync-ZkDevice -Source $a -Destination $b");
            List<PSObject> unchanged = OfType(second, "ZkSyncResult");
            Assert.Equal(30, unchanged.Count); // Assert.All over none would pass
            Assert.All(unchanged, i => Assert.Equal("Unchanged", Text(i, "Action")));
            PSObject again = Assert.Single(Summaries(second));
            Assert.Equal(
                (0L, 30),
                ((long)again.Properties["BytesUploaded"].Value, (int)again.Properties["Unchanged"].Value)
            );
        }

        [Fact]
        public void Compare_reports_what_differs_and_which_side_has_a_user()
        {
            Device("a", users: 3);
            Device("b");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $b");
            string[] ids = Strings("Get-ZkUser -Session $a | ForEach-Object UserId");
            Ok(
                $"Set-ZkUser -Session $b -UserId '{ids[0]}' -Name 'Changed'; $null = New-ZkUser -Session $b -UserId "
                    + $"999 -Name 'Only B'; Remove-ZkUser -Session $b -UserId '{ids[1]}' -Confirm:$false"
            );

            var byId = Ok("Compare-ZkDevice $a $b").Output.ToDictionary(o => Text(o, "UserId"));
            Assert.Equal(("Different", "Users"), (Text(byId[ids[0]], "Status"), Text(byId[ids[0]], "DifferentKinds")));
            Assert.Contains("Name differs", Text(byId[ids[0]], "Details"));
            Assert.Equal("ReferenceOnly", Text(byId[ids[1]], "Status"));
            Assert.Equal("Equal", Text(byId[ids[2]], "Status"));
            Assert.Equal("DifferenceOnly", Text(byId["999"], "Status"));
        }

        [Fact]
        public void Mirror_removes_destination_only_users_only_when_confirmed()
        {
            Device("a", users: 3);
            Device("b");
            Ok(
                "$null = Sync-ZkDevice -Source $a -Destination $b; $null = New-ZkUser -Session $b -UserId 777 -Name "
                    + "'Extra'"
            );

            PsResult preview = Ok("Sync-ZkDevice -Source $a -Destination $b -Mirror -WhatIf");
            PSObject planned = OfType(preview, "ZkSyncResult").Single(i => Text(i, "UserId") == "777");
            Assert.Equal(("Removed", "True"), (Text(planned, "Action"), Text(planned, "WhatIf")));
            Assert.Equal(4, Count("Get-ZkUser -Session $b"));

            PsResult kept = Ok("Sync-ZkDevice -Source $a -Destination $b");
            Assert.Equal("Kept", Text(OfType(kept, "ZkSyncResult").Single(i => Text(i, "UserId") == "777"), "Action"));

            PsResult mirrored = Ok("Sync-ZkDevice -Source $a -Destination $b -Mirror -Force");
            PSObject removed = OfType(mirrored, "ZkSyncResult").Single(i => Text(i, "UserId") == "777");
            Assert.Equal(("Removed", "Succeeded"), (Text(removed, "Action"), Text(removed, "Status")));
            Assert.Equal(1, (int)Summaries(mirrored).Single().Properties["Removed"].Value);
            Assert.Empty(Strings("Get-ZkUser -Session $b | Where-Object UserId -eq '777'"));
        }

        [Fact]
        public void A_declined_removal_prompt_keeps_the_user()
        {
            var host = new AnsweringHost("No");
            using var ps = new PsHost(host: host);
            try
            {
                Run(
                    ps,
                    "$a = Start-ZkEmulator -Users 2 | Connect-ZkDevice -Timeout 3; $b = Start-ZkEmulator | "
                        + "Connect-ZkDevice -Timeout 3"
                );
                Run(ps, "$null = New-ZkUser -Session $b -UserId 777 -Name 'Extra'");

                PsResult result = Run(ps, "Sync-ZkDevice -Source $a -Destination $b -Mirror");

                PSObject kept = OfType(result, "ZkSyncResult").Single(i => Text(i, "UserId") == "777");
                Assert.Equal(("Kept", "Skipped"), (Text(kept, "Action"), Text(kept, "Status")));
                Assert.Contains("not confirmed", Text(kept, "Notes"));
                Assert.Contains("777", Assert.Single(host.Prompts));
                Assert.Equal(2, OfType(result, "ZkSyncResult").Count(i => Text(i, "Action") == "Added"));
                Assert.Single(Run(ps, "Get-ZkUser -Session $b -UserId 777").Output);
            }
            finally
            {
                ps.Run("Get-ZkSession | Disconnect-ZkDevice; Stop-ZkEmulator -All");
            }
        }

        [Fact]
        public void WhatIf_shows_the_plan_and_changes_nothing_on_any_device()
        {
            Device("a", "face", users: 4);
            Device("b", "face", users: 2, extra: "-Seed 9");
            Device("c", "face");
            string before = string.Join(
                "|",
                Strings(string.Format(CultureInfo.InvariantCulture, StateOf, "$b"))
                    .Concat(Strings(string.Format(CultureInfo.InvariantCulture, StateOf, "$c")))
            );

            PsResult plan = Ok("Sync-ZkDevice -Source $a -Destination $b, $c -Mirror -WhatIf");

            Assert.Equal(
                before,
                string.Join(
                    "|",
                    Strings(string.Format(CultureInfo.InvariantCulture, StateOf, "$b"))
                        .Concat(Strings(string.Format(CultureInfo.InvariantCulture, StateOf, "$c")))
                )
            );
            List<PSObject> items = OfType(plan, "ZkSyncResult");
            Assert.All(items, i => Assert.Equal("True", Text(i, "WhatIf")));
            Assert.Equal(8, items.Count(i => Text(i, "Action") == "Added"));
            Assert.Equal(2, items.Count(i => Text(i, "Action") == "Removed"));
            Assert.Equal(2, Summaries(plan).Count);
            Assert.All(Summaries(plan), s =>
                Assert.Equal((0L, "True"), ((long)s.Properties["BytesUploaded"].Value, Text(s, "WhatIf")))
            );
        }

        [Fact]
        public void A_black_and_white_destination_fails_non_numeric_ids_and_truncates_names_when_allowed()
        {
            Device("a", users: 2);
            Device("bw", "bw");
            Ok("$null = New-ZkUser -Session $a -UserId 'A17' -Name 'Alexandria'");

            PsResult result = Ok("Sync-ZkDevice -Source $a -Destination $bw -AllowTruncation");

            List<PSObject> items = OfType(result, "ZkSyncResult");
            PSObject refused = items.Single(i => Text(i, "UserId") == "A17");
            Assert.Equal("Failed", Text(refused, "Status"));
            Assert.Contains("numeric", Text(refused, "Notes"));
            Assert.Contains(items, i => Text(i, "Status") == "Succeeded" && Text(i, "Notes").Contains("stored as"));
            Assert.All(items.Where(i => Text(i, "UserId") != "A17"), i => Assert.Equal("Added", Text(i, "Action")));
            Assert.Equal(2, Count("Get-ZkUser -Session $bw"));
        }

        [Fact]
        public void Fingerprints_are_skipped_between_different_algorithms()
        {
            Device("a", users: 2);
            Device("old", extra: "-FingerprintVersion 9");
            PsResult result = Ok("Sync-ZkDevice -Source $a -Destination $old -WarningAction SilentlyContinue");
            Assert.Equal(2, OfType(result, "ZkSyncResult").Count);
            Assert.All(OfType(result, "ZkSyncResult"), i =>
            {
                Assert.Equal(("Added", "Skipped"), (Text(i, "Action"), Text(i, "Fingerprints")));
                Assert.Contains("fingerprint algorithm differs", Text(i, "Notes"));
            });
            Assert.Equal(0, Count("Get-ZkFingerprint -Session $old"));
        }

        [Fact]
        public void A_destination_too_small_fails_before_writing_and_says_how_many_fit()
        {
            Device("a", users: 6);
            Device("small", extra: "-UserCapacity 4");
            PsResult result = Ps.Run("Sync-ZkDevice -Source $a -Destination $small");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ZkSync.SyncDestinationFailed", error.FullyQualifiedErrorId);
            PSObject summary = Assert.Single(Summaries(result));
            Assert.Contains("adds 6 users but only 4 fit", Text(summary, "Error"));
            Assert.Equal(0, Count("Get-ZkUser -Session $small"));
        }

        [Fact]
        public void Fan_out_goes_on_when_one_destination_is_unreachable()
        {
            Device("a", "face", users: 3);
            Device("b");
            Device("c", "face");
            Ok(
                "$emuDead = Start-ZkEmulator; $dead = $emuDead | Connect-ZkDevice -Timeout 3; $emuDead | "
                    + "Stop-ZkEmulator"
            );

            PsResult result = Ps.Run("Sync-ZkDevice -Source $a -Destination $b, $dead, $c -ThrottleLimit 3");

            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ZkSync.SyncDestinationFailed", error.FullyQualifiedErrorId);
            Assert.Equal(Strings("$dead.Device").Single(), error.TargetObject?.ToString());
            var summaries = Summaries(result).ToDictionary(s => Text(s, "Destination"));
            Assert.Equal(3, summaries.Count);
            Assert.NotEqual("", Text(summaries[Strings("$dead.Device").Single()], "Error"));
            foreach (string live in new[] { "$b", "$c" })
            {
                Assert.Equal("True", Text(summaries[Strings(live + ".Device").Single()], "Succeeded"));
                Assert.Equal(3, Count($"Get-ZkUser -Session {live}"));
            }
            Assert.Equal(6, OfType(result, "ZkSyncResult").Count);
        }

        [Fact]
        public void Piped_users_limit_the_sync_to_them()
        {
            Device("a", users: 8);
            Device("b");
            string[] chosen = Strings(
                "Get-ZkUser -Session $a | Where-Object UserId -like '100*' | ForEach-Object UserId"
            );
            Assert.NotEmpty(chosen);

            PsResult result = Ok(
                "Get-ZkUser -Session $a | Where-Object UserId -like '100*' | Sync-ZkDevice -Source $a -Destination $b"
            );

            Assert.Equal(chosen, OfType(result, "ZkSyncResult").Select(i => Text(i, "UserId")));
            Assert.Equal(chosen, Strings("Get-ZkUser -Session $b | ForEach-Object UserId"));
            Assert.Empty(
                Ok("Get-ZkUser -Session $a | Where-Object UserId -eq 'none' | Sync-ZkDevice -Destination $b").Output
            );
        }

        [Fact]
        public void Progress_has_a_bar_per_destination_under_the_run_and_all_are_completed()
        {
            Device("a", "face", users: 3);
            Device("b", "face");
            Device("c", "face");
            PsResult result = Ok("Sync-ZkDevice -Source $a -Destination $b, $c");
            var children = result.Progress.Where(p => p.ParentActivityId > 0).ToList();
            Assert.Equal(2, children.Select(p => p.ActivityId).Distinct().Count());
            Assert.All(children, p =>
                Assert.Equal(result.Progress.First(q => q.ParentActivityId < 0).ActivityId, p.ParentActivityId)
            );
            foreach (int id in result.Progress.Select(p => p.ActivityId).Distinct())
                Assert.Equal(ProgressRecordType.Completed, result.Progress.Last(p => p.ActivityId == id).RecordType);
        }

        [Fact]
        public void BackupPath_backs_up_each_destination_before_changing_it()
        {
            string folder = Path.Combine(Path.GetTempPath(), "zksync-ps-" + Guid.NewGuid().ToString("N"));
            try
            {
                Device("a", users: 2);
                Device("b");
                Ok("$null = New-ZkUser -Session $b -UserId 5 -Name 'Before'");
                PsResult result = Ok($"Sync-ZkDevice -Source $a -Destination $b -BackupPath '{folder}'");
                string backup = Text(Summaries(result).Single(), "BackupPath");
                Assert.True(File.Exists(backup));
                Assert.StartsWith(Strings("$b.SerialNumber").Single() + "_", Path.GetFileName(backup));
                // The backup holds the destination as it was: user 5 only, not the two synced ones.
                var compared = Ok($"Compare-ZkDevice -ReferencePath '{backup}' -Difference $b")
                    .Output.ToDictionary(c => Text(c, "UserId"), c => Text(c, "Status"));
                Assert.Equal(3, compared.Count);
                Assert.Equal("Equal", compared["5"]);
                Assert.Equal(2, compared.Values.Count(v => v == "DifferenceOnly"));
            }
            finally
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, true);
            }
        }

        private static PsResult Run(PsHost ps, string script)
        {
            PsResult result = ps.Run(script);
            result.ShouldSucceed();
            return result;
        }
    }
}
