using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Copy-Zk* between emulators (needs the engine and the emulator).</summary>
    public sealed class CopyPipelineTests : DeviceTestBase
    {
        private static readonly CompositeFormat Prints = CompositeFormat.Parse(
            "Get-ZkFingerprint -Session {0} | ForEach-Object {{ $_.UserId + '/' + $_.FingerIndex + '/' + "
                + "[Convert]::ToBase64String($_.Template) }}"
        );
        private static readonly CompositeFormat Faces = CompositeFormat.Parse(
            "Get-ZkFaceTemplate -Session {0} | ForEach-Object {{ $_.UserId + '/' + $_.FaceId + '/' + $_.Size }}"
        );

        public CopyPipelineTests(ModuleFixture fixture)
            : base(fixture) { }

        private string[] Sorted(string script) =>
            Strings(script).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();

        [Fact]
        public void Filtered_users_copy_with_fingerprints_faces_and_photos()
        {
            Device("a", "face", users: 8);
            Device("b", "face");
            string letter = Strings("(Get-ZkUser -Session $a)[0].Name.Substring(0, 1)").Single();
            string[] chosen = Sorted(
                $"Get-ZkUser -Session $a | Where-Object Name -like '{letter}*' | ForEach-Object UserId"
            );

            PsResult results = Ok(
                $"Get-ZkUser -Session $a | Where-Object Name -like '{letter}*' | Copy-ZkUser -Destination $b"
            );
            Assert.Equal(
                chosen,
                results.Values("UserId").Cast<string>().OrderBy(s => s, System.StringComparer.Ordinal)
            );
            Assert.All(results.Output, r => Assert.Equal("Copied", r.Properties["Status"].Value.ToString()));
            Assert.All(results.Output, r =>
                Assert.Equal(Strings("$b.Device").Single(), r.Properties["Destination"].Value)
            );

            Assert.Equal(chosen, Sorted("Get-ZkUser -Session $b | ForEach-Object UserId"));
            string filter = string.Join(",", chosen.Select(c => $"'{c}'"));
            Assert.Equal(
                Sorted(
                    $"Get-ZkFingerprint -Session $a -UserId {filter} | ForEach-Object {{ $_.UserId + '/' + "
                        + "$_.FingerIndex + '/' + [Convert]::ToBase64String($_.Template) }"
                ),
                Sorted(string.Format(CultureInfo.InvariantCulture, Prints, "$b"))
            );
            Assert.Equal(
                Sorted(
                    $"Get-ZkFaceTemplate -Session $a -UserId {filter} | ForEach-Object {{ $_.UserId + '/' + $_.FaceId "
                        + "+ '/' + $_.Size }"
                ),
                Sorted(string.Format(CultureInfo.InvariantCulture, Faces, "$b"))
            );
            Assert.Equal(
                Sorted(
                    $"Get-ZkUserPhoto -Session $a -UserId {filter} | ForEach-Object {{ $_.UserId + ':' + "
                        + "[Convert]::ToBase64String($_.Content) }"
                ),
                Sorted(
                    "Get-ZkUserPhoto -Session $b | ForEach-Object { $_.UserId + ':' + "
                        + "[Convert]::ToBase64String($_.Content) }"
                )
            );
        }

        [Fact]
        public void A_second_run_is_Skipped_and_a_changed_user_is_Updated()
        {
            Device("a", "face", users: 4);
            Device("b", "face");
            Ok("$null = Copy-ZkUser -Source $a -Destination $b");
            Assert.Equal(
                new[] { "Skipped" },
                Strings("Copy-ZkUser -Source $a -Destination $b | ForEach-Object { $_.Status.ToString() }").Distinct()
            );

            string id = Strings("(Get-ZkUser -Session $b)[0].UserId").Single();
            Ok($"Set-ZkUser -Session $b -UserId '{id}' -Name 'Someone Else'");
            PsResult again = Ok("Copy-ZkUser -Source $a -Destination $b");
            Assert.Equal(
                "Updated",
                again
                    .Output.Single(r => (string)r.Properties["UserId"].Value == id)
                    .Properties["Status"]
                    .Value.ToString()
            );
            Assert.All(again.Output.Where(r => (string)r.Properties["UserId"].Value != id), r =>
                Assert.Equal("Skipped", r.Properties["Status"].Value.ToString())
            );
            Assert.NotEqual("Someone Else", Strings($"(Get-ZkUser -Session $b -UserId '{id}').Name").Single());
        }

        [Fact]
        public void One_result_per_user_per_destination()
        {
            Device("a", users: 3);
            Device("b");
            Device("c");
            PsResult results = Ok("Copy-ZkUser -Source $a -Destination $b, $c -Include Users, Fingerprints");
            Assert.Equal(6, results.Output.Count);
            Assert.Equal(2, results.Values("Destination").Distinct().Count());
            Assert.Equal(3, Count("Get-ZkUser -Session $c"));
        }

        [Fact]
        public void WhatIf_copies_nothing_and_reports_no_copy()
        {
            Device("a", "face", users: 3);
            Device("b", "face");
            PsResult users = Ok("Get-ZkUser -Session $a | Copy-ZkUser -Destination $b -WhatIf");
            Assert.Empty(users.Output);
            // Nothing to ask about (the users are not there): the results say why, as they would without -WhatIf.
            PsResult photos = Ok("Copy-ZkUserPhoto -Source $a -Destination $b -WhatIf");
            Assert.Equal(3, photos.Output.Count);
            Assert.All(photos.Output, r => Assert.Equal("Failed", r.Properties["Status"].Value.ToString()));
            Assert.Equal(0, Count("Get-ZkUser -Session $b"));
        }

        [Fact]
        public void An_empty_pipeline_copies_nobody()
        {
            Device("a", users: 3);
            Device("b");
            Assert.Empty(
                Ok("Get-ZkUser -Session $a | Where-Object UserId -eq 'none' | Copy-ZkUser -Destination $b").Output
            );
            Assert.Equal(0, Count("Get-ZkUser -Session $b"));
        }

        [Fact]
        public void Faces_are_refused_for_a_device_without_face_support()
        {
            Device("a", "face", users: 2);
            Device("b", "tft");
            PsResult users = Ok("Copy-ZkUser -Source $a -Destination $b");
            Assert.Equal(2, users.Output.Count); // Assert.All over none would pass
            Assert.All(users.Output, r => Assert.Equal("Copied", r.Properties["Status"].Value.ToString()));
            Assert.All(users.Output, r =>
                Assert.Contains("face", (string)r.Properties["Notes"].Value, System.StringComparison.OrdinalIgnoreCase)
            );
            Assert.NotEmpty(users.Warnings);

            PsResult faces = Ok("Copy-ZkFaceTemplate -Source $a -Destination $b -WarningAction SilentlyContinue");
            Assert.NotEmpty(faces.Output);
            Assert.All(faces.Output, r => Assert.Equal("Skipped", r.Properties["Status"].Value.ToString()));
            Assert.All(faces.Output, r => Assert.Contains("no face function", (string)r.Properties["Notes"].Value));
        }

        [Fact]
        public void Fingerprints_are_refused_between_different_algorithms()
        {
            Device("a", users: 3);
            Device("old", extra: "-FingerprintVersion 9");
            Ok("$null = Copy-ZkUser -Source $a -Destination $old -Include Users");
            PsResult result = Ok("Copy-ZkFingerprint -Source $a -Destination $old -WarningAction SilentlyContinue");
            Assert.Equal(3, result.Output.Count);
            Assert.All(result.Output, r => Assert.Equal("Skipped", r.Properties["Status"].Value.ToString()));
            Assert.All(result.Output, r => Assert.Contains("algorithm", (string)r.Properties["Notes"].Value));
            Assert.Equal(0, Count("Get-ZkFingerprint -Session $old"));
        }

        [Fact]
        public void Parts_need_the_user_on_the_destination()
        {
            Device("a", "face", users: 2);
            Device("b", "face");
            PsResult result = Ps.Run("Copy-ZkFingerprint -Source $a -Destination $b");
            Assert.Equal(2, result.Output.Count);
            Assert.All(result.Output, r => Assert.Equal("Failed", r.Properties["Status"].Value.ToString()));
            Assert.All(result.Output, r => Assert.Contains("Copy-ZkUser", (string)r.Properties["Notes"].Value));
        }

        [Fact]
        public void Fingerprint_copy_keeps_the_destination_user_record()
        {
            Device("a", users: 2);
            Device("b");
            Ok("$null = Copy-ZkUser -Source $a -Destination $b -Include Users");
            string id = Strings("(Get-ZkUser -Session $b)[0].UserId").Single();
            Ok($"Set-ZkUser -Session $b -UserId '{id}' -Name 'Kept Name'");
            PsResult result = Ok($"Copy-ZkFingerprint -Source $a -UserId '{id}' -Destination $b");
            // Status is per user (the engine's Action): the user was already there, so its fingerprints make it
            // Updated.
            Assert.Equal("Updated", result.Output.Single().Properties["Status"].Value.ToString());
            Assert.Equal("Kept Name", Strings($"(Get-ZkUser -Session $b -UserId '{id}').Name").Single());
            Assert.Equal(
                Count($"Get-ZkFingerprint -Session $a -UserId '{id}'"),
                Count($"Get-ZkFingerprint -Session $b -UserId '{id}'")
            );
        }

        [Fact]
        public void Copying_reports_progress_with_a_completed_record()
        {
            Device("a", "face", users: 3);
            Device("b", "face");
            PsResult result = Ok("Copy-ZkUser -Source $a -Destination $b");
            Assert.Contains(result.Progress, p =>
                p.RecordType == ProgressRecordType.Processing && p.Activity.Contains(Strings("$b.Device").Single())
            );
            Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
        }

        [Fact]
        public void The_destination_is_disabled_during_the_copy_and_enabled_again()
        {
            Device("a", "face", users: 3);
            Ok("$emuB = Start-ZkEmulator -Profile face; $b = $emuB | Connect-ZkDevice");
            PsResult result = Ok(
                "$DebugPreference = 'Continue'; try { Copy-ZkUser -Source $a -Destination $b } finally { "
                    + "$DebugPreference = 'SilentlyContinue' }"
            );
            string device = Strings("$b.Device").Single() + "/";
            var sent = result
                .Debug.Select(d => d.Message)
                .Where(m => m.StartsWith(device, StringComparison.Ordinal) && m.Contains("sent command"))
                .ToList();
            int disable = sent.FindIndex(m => m.Contains("sent command 1003 "));
            int upload = sent.FindIndex(m => m.Contains("sent command 1500 ") || m.Contains("sent command 1501 "));
            int enable = sent.FindLastIndex(m => m.Contains("sent command 1002 "));
            Assert.True(
                disable >= 0 && upload > disable && enable > upload,
                $"expected disable < upload < enable in: {string.Join(" | ", sent)}"
            );
            Assert.Equal("False", Strings("$emuB.DeviceDisabled").Single());
        }

        [Fact]
        public void Unknown_source_users_are_UserNotFound_and_the_rest_still_copy()
        {
            Device("a", users: 2);
            Device("b");
            string id = Strings("(Get-ZkUser -Session $a)[0].UserId").Single();
            PsResult result = Ps.Run($"Copy-ZkUser -Source $a -UserId 'ghost', '{id}' -Destination $b");
            Assert.Equal("ZkSync.UserNotFound", Assert.Single(result.ErrorIds));
            Assert.Equal(id, result.Output.Single().Properties["UserId"].Value);
        }
    }
}
