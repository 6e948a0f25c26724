using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>User pipelines against emulators (needs the engine and the emulator).</summary>
    public sealed class UserPipelineTests : DeviceTestBase
    {
        private const string UserIds = "Get-ZkUser -Session $a | ForEach-Object UserId";

        public UserPipelineTests(ModuleFixture fixture) : base(fixture) { }

        [Fact]
        public void Get_ZkUser_reads_the_seeded_users_and_filters_names_with_wildcards()
        {
            Device("a", users: 12);
            Assert.Equal(12, Count("Get-ZkUser -Session $a"));
            string first = Strings("(Get-ZkUser -Session $a)[0].Name.Substring(0, 1)").Single();
            int expected = Count($"Get-ZkUser -Session $a | Where-Object {{ $_.Name -like '{first}*' }}");
            Assert.Equal(expected, Count($"Get-ZkUser -Session $a -Name '{first.ToLowerInvariant()}*'"));
            Assert.True(expected >= 1);
        }

        [Fact]
        public void Piped_users_are_removed_from_the_device_they_came_from_not_the_current_one()
        {
            Device("a", users: 5);
            Device("b", users: 5); // now the current session
            string victim = Strings(UserIds)[2];
            Ok($"Get-ZkUser -Session $a -UserId '{victim}' | Remove-ZkUser -Confirm:$false");
            Assert.DoesNotContain(victim, Strings(UserIds));
            Assert.Equal(4, Count("Get-ZkUser -Session $a"));
            Assert.Equal(5, Count("Get-ZkUser -Session $b"));
        }

        [Fact]
        public void WhatIf_changes_nothing()
        {
            Device("a", users: 4);
            string[] before = Strings(
                "Get-ZkUser -Session $a | ForEach-Object { $_.UserId + '|' + $_.Name + '|' + $_.Enabled }"
            );
            PsResult result = Ok(
                @"
                Get-ZkUser -Session $a | Remove-ZkUser -WhatIf
                Get-ZkUser -Session $a | Set-ZkUser -Name 'Changed' -Enabled $false -WhatIf
                New-ZkUser -Session $a -UserId 777 -Name 'New' -WhatIf"
            );
            Assert.Empty(result.Output);
            Assert.Equal(
                before,
                Strings("Get-ZkUser -Session $a | ForEach-Object { $_.UserId + '|' + $_.Name + '|' + $_.Enabled }")
            );
        }

        [Fact]
        public void Csv_rows_create_users_and_piped_users_are_changed_in_place()
        {
            Device("a");
            PsResult created = Ok(@"
                @(
                    [pscustomobject]@{ UserId = '9001'; Name = 'Alice'; Card = 111 }
                    [pscustomobject]@{ UserId = '9002'; Name = 'Bob'; Privilege = 'Admin' }
                ) | New-ZkUser -Session $a");
            Assert.Equal(new[] { "Alice", "Bob" }, created.Values("Name").Cast<string>());
            Assert.Equal("Admin", Strings("(Get-ZkUser -Session $a -UserId 9002).Privilege").Single());
            Assert.Equal("111", Strings("(Get-ZkUser -Session $a -UserId 9001).Card").Single());

            Ok("Get-ZkUser -Session $a -UserId 9001 | Set-ZkUser -Name 'Alice Smith' -Enabled $false");
            Assert.Equal(
                new[] { "Alice Smith", "False", "111" },
                Strings("$u = Get-ZkUser -Session $a -UserId 9001; $u.Name; $u.Enabled; $u.Card")
            );
        }

        [Fact]
        public void Unknown_user_ids_are_non_terminating_UserNotFound_errors()
        {
            Device("a", users: 3);
            string known = Strings(UserIds)[0];
            PsResult result = Ps.Run($"Get-ZkUser -Session $a -UserId 'nobody', '{known}'");
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ZkSync.UserNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("nobody", error.TargetObject);
            Assert.Equal(known, Assert.Single(result.Output).Properties["UserId"].Value);

            Assert.Equal(
                "ZkSync.UserNotFound",
                Assert.Single(Ps.Run("Remove-ZkUser -Session $a -UserId 'nobody' -Confirm:$false").ErrorIds)
            );
            Assert.Equal(
                "ZkSync.UserNotFound",
                Assert.Single(Ps.Run("Set-ZkUser -Session $a -UserId 'nobody' -Name x").ErrorIds)
            );
        }

        [Fact]
        public void New_ZkUser_refuses_a_taken_user_id()
        {
            Device("a", users: 2);
            string taken = Strings(UserIds)[0];
            string name = Strings($"(Get-ZkUser -Session $a -UserId '{taken}').Name").Single();
            PsResult result = Ps.Run($"New-ZkUser -Session $a -UserId '{taken}' -Name 'Intruder'");
            Assert.Equal("ZkSync.UserExists", Assert.Single(result.ErrorIds));
            Assert.Equal(ErrorCategory.ResourceExists, result.Errors[0].CategoryInfo.Category);
            Assert.Equal(name, Strings($"(Get-ZkUser -Session $a -UserId '{taken}').Name").Single());
        }

        [Fact]
        public void Names_too_long_fail_with_InvalidData_unless_truncation_is_allowed()
        {
            Device("a");
            string longName = new string('x', 60);
            PsResult refused = Ps.Run($"New-ZkUser -Session $a -UserId 5001 -Name '{longName}'");
            Assert.Equal("ZkSync.InvalidData", Assert.Single(refused.ErrorIds));
            Assert.Equal(0, Count("Get-ZkUser -Session $a"));

            Ok("$t = Start-ZkEmulator | Connect-ZkDevice -AllowTruncation");
            PsResult cut = Ok($"New-ZkUser -Session $t -UserId 5001 -Name '{longName}'");
            Assert.NotEmpty(cut.Warnings);
            string stored = Strings("(Get-ZkUser -Session $t -UserId 5001).Name").Single();
            Assert.True(stored.Length > 0 && stored.Length < longName.Length);
        }
    }
}
