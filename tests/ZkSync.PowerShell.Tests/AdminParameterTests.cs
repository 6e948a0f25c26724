using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;
using static ZkSync.PowerShell.Tests.SyncPipelineTests;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>The parameters an admin meets when writing users (issue 13, Parameters).</summary>
    public sealed class AdminParameterTests : DeviceTestBase
    {
        private const string LongName = "Abcdefghijk"; // 11 bytes; a black-and-white device holds 8

        public AdminParameterTests(ModuleFixture fixture) : base(fixture) { }

        [Theory]
        [InlineData("Copy-ZkUser")]
        [InlineData("Sync-ZkDevice")]
        [InlineData("Import-ZkDevice")]
        [InlineData("New-ZkUser")]
        [InlineData("Set-ZkUser")]
        public void Every_cmdlet_that_writes_user_records_has_the_AllowTruncation_switch(string command)
        {
            Assert.Equal("System.Management.Automation.SwitchParameter",
                Strings($"(Get-Command {command}).Parameters['AllowTruncation'].ParameterType.FullName").Single());
        }

        [Fact]
        public void Copy_ZkUser_to_a_black_and_white_device_fails_long_names_unless_AllowTruncation()
        {
            Device("a");
            Device("bw", "bw");
            Ok($"$null = New-ZkUser -Session $a -UserId 7 -Name '{LongName}'");

            PsResult refused = Ok("Copy-ZkUser -Source $a -Destination $bw -UserId 7");
            Assert.Equal("Failed", Text(refused.Output.Single(), "Status"));

            PsResult copied = Ok("Copy-ZkUser -Source $a -Destination $bw -UserId 7 -AllowTruncation");
            Assert.Equal("Copied", Text(copied.Output.Single(), "Status"));
            Assert.Equal("Abcdefgh", Strings("(Get-ZkUser -Session $bw -UserId 7).Name").Single());
        }

        [Fact]
        public void A_destination_connected_with_AllowTruncation_truncates_in_a_sync_without_the_switch()
        {
            Device("a");
            Ok($"$null = New-ZkUser -Session $a -UserId 7 -Name '{LongName}'");
            Ok("$bw = Start-ZkEmulator -Profile bw | Connect-ZkDevice -Timeout 3 -AllowTruncation");

            PsResult result = Ok("Sync-ZkDevice -Source $a -Destination $bw");
            PSObject item = result.Output.Single();
            Assert.Equal(("Added", "Succeeded"), (Text(item, "Action"), Text(item, "Status")));
            Assert.Equal("Abcdefgh", Strings("(Get-ZkUser -Session $bw -UserId 7).Name").Single());
        }

        [Fact]
        public void New_and_Set_ZkUser_AllowTruncation_return_what_the_device_holds()
        {
            Device("bw", "bw");
            PsResult created = Ok($"New-ZkUser -Session $bw -UserId 7 -Name '{LongName}' -AllowTruncation");
            Assert.Equal("Abcdefgh", Text(created.Output.Single(), "Name"));
            Assert.NotEmpty(created.Warnings);

            PsResult updated = Ok($"Set-ZkUser -Session $bw -UserId 7 -Name 'Zyxwvutsrq' -AllowTruncation -PassThru");
            Assert.Equal("Zyxwvuts", Text(updated.Output.Single(), "Name"));
            Assert.Equal("Zyxwvuts", Strings("(Get-ZkUser -Session $bw -UserId 7).Name").Single());
        }

        [Fact]
        public void New_ZkUser_outputs_the_user_and_has_no_PassThru_while_Set_ZkUser_outputs_only_with_PassThru()
        {
            Device("a");
            Assert.Equal("False", Strings("(Get-Command New-ZkUser).Parameters.ContainsKey('PassThru')").Single());
            Assert.Equal("5", Text(Ok("New-ZkUser -Session $a -UserId 5 -Name 'Eve'").Output.Single(), "UserId"));
            Assert.Empty(Ok("Set-ZkUser -Session $a -UserId 5 -Name 'Eva'").Output);
        }

        [Fact]
        public void Set_ZkUser_with_nothing_to_change_warns_and_writes_nothing()
        {
            Device("a");
            Ok("$null = New-ZkUser -Session $a -UserId 5 -Name 'Eve'");
            PsResult result = Ok("Set-ZkUser -Session $a -UserId 5 -Verbose");
            Assert.Contains("Nothing to change", Assert.Single(result.Warnings).Message);
            Assert.DoesNotContain(result.Verbose, v =>
                v.Message.Contains("UserWrite") || v.Message.Contains("command 8")
            );
        }
    }
}
