using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Names, verbs, ShouldProcess and parameter binding contracts of every cmdlet, read from the loaded
    /// module.</summary>
    public sealed class CommandContractTests : IClassFixture<ModuleFixture>
    {
        private static readonly string[] Mutating =
        {
            "New",
            "Set",
            "Remove",
            "Clear",
            "Copy",
            "Sync",
            "Import",
            "Restart",
            "Disable",
            "Enable",
            "Stop",
        };
        private static readonly string[] HighImpact = { "Remove", "Clear", "Restart" };

        // Import-ZkDevice reads a file and writes to -Destination sessions; it has no session of its own to bind.
        private static readonly string[] SessionFree =
        {
            "Connect-ZkDevice",
            "Disconnect-ZkDevice",
            "Get-ZkSession",
            "Start-ZkEmulator",
            "Stop-ZkEmulator",
            "Import-ZkDevice",
            "Get-ZkSyncHistory",
            "Write-ZkSyncHistory",
            "Export-ZkSyncReport",
        };
        private readonly PsHost _ps;

        public CommandContractTests(ModuleFixture fixture) => _ps = fixture.Host;

        private CmdletInfo Command(string name) =>
            (CmdletInfo)_ps.Run($"Get-Command {name}").Output.Single().BaseObject;

        private ParameterMetadata Parameter(string command, string parameter) => Command(command).Parameters[parameter];

        private static bool ByPropertyName(ParameterMetadata p) =>
            p.ParameterSets.Values.Any(s => s.ValueFromPipelineByPropertyName);

        private static bool FromPipeline(ParameterMetadata p) =>
            p.ParameterSets.Values.Any(s => s.ValueFromPipeline || s.ValueFromPipelineByPropertyName);

        /// <summary>The verbs Get-Verb lists come from these classes; a bare host has no Get-Verb, so read them
        /// directly.</summary>
        private static HashSet<string> ApprovedVerbs() =>
            new HashSet<string>(
                new[]
                {
                    typeof(VerbsCommon),
                    typeof(VerbsCommunications),
                    typeof(VerbsData),
                    typeof(VerbsDiagnostic),
                    typeof(VerbsLifecycle),
                    typeof(VerbsOther),
                    typeof(VerbsSecurity),
                }
                    .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                    .Select(f => (string)f.GetValue(null)!)
            );

        [Theory]
        [MemberData(nameof(ExportedCommands.All), MemberType = typeof(ExportedCommands))]
        public void Verb_is_approved_and_noun_is_singular_with_Zk_prefix(string name)
        {
            CmdletInfo command = Command(name);
            Assert.Contains(command.Verb, ApprovedVerbs());
            Assert.StartsWith("Zk", command.Noun);
            Assert.False(command.Noun.EndsWith('s'), $"{name}: nouns are singular");
        }

        [Theory]
        [MemberData(nameof(ExportedCommands.All), MemberType = typeof(ExportedCommands))]
        public void Changes_support_ShouldProcess_with_high_impact_for_destructive_verbs(string name)
        {
            CmdletInfo command = Command(name);
            CmdletAttribute attribute = command.ImplementingType.GetCustomAttribute<CmdletAttribute>()!;
            Assert.Equal(Mutating.Contains(command.Verb), attribute.SupportsShouldProcess);
            if (HighImpact.Contains(command.Verb)) Assert.Equal(ConfirmImpact.High, attribute.ConfirmImpact);
            else if (attribute.SupportsShouldProcess) Assert.NotEqual(ConfirmImpact.High, attribute.ConfirmImpact);
        }

        [Theory]
        [MemberData(nameof(ExportedCommands.All), MemberType = typeof(ExportedCommands))]
        public void Declares_its_output_type(string name) => Assert.NotEmpty(Command(name).OutputType);

        [Theory]
        [MemberData(nameof(ExportedCommands.All), MemberType = typeof(ExportedCommands))]
        public void Device_commands_take_a_session_bound_by_property_name(string name)
        {
            if (SessionFree.Contains(name))
                return;
            ParameterMetadata session = Command(name)
                .Parameters.Values.Single(p => p.Name == "Session" || p.Aliases.Contains("Session"));
            Assert.Equal("ZkSession", session.ParameterType.Name);
            Assert.True(
                ByPropertyName(session),
                $"{name} -{session.Name} must bind from piped objects' Session property"
            );
        }

        [Fact]
        public void Connect_binds_connection_parameters_by_property_name_but_never_the_comm_key()
        {
            ParameterMetadata address = Parameter("Connect-ZkDevice", "IPAddress");
            Assert.Contains("ComputerName", address.Aliases);
            Assert.Contains("Host", address.Aliases);
            foreach (string name in new[] { "IPAddress", "Port", "Protocol", "Encoding", "Timeout" })
                Assert.True(ByPropertyName(Parameter("Connect-ZkDevice", name)), name);
            Assert.False(FromPipeline(Parameter("Connect-ZkDevice", "CommKey")));
            Assert.Equal(typeof(int), Parameter("Connect-ZkDevice", "CommKey").ParameterType);
            Assert.Equal(typeof(SwitchParameter), Parameter("Connect-ZkDevice", "AllowTruncation").ParameterType);
            Assert.Equal(
                new[] { "Auto", "Tcp", "Udp" },
                Enum.GetNames(Parameter("Connect-ZkDevice", "Protocol").ParameterType)
            );
        }

        [Fact]
        public void Emulator_output_binds_to_Connect_but_carries_no_comm_key()
        {
            Type info = Command("Start-ZkEmulator").OutputType.Single().Type;
            string[] properties = info.GetProperties().Select(p => p.Name).ToArray();
            Assert.Contains("IPAddress", properties);
            Assert.Contains("Port", properties);
            Assert.Contains("Protocol", properties);
            Assert.DoesNotContain(properties, p => p.Contains("Key", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(
                Parameter("Connect-ZkDevice", "Protocol").ParameterType,
                info.GetProperty("Protocol")!.PropertyType
            );
            Assert.True(FromPipeline(Parameter("Stop-ZkEmulator", "InputObject")));
        }

        [Fact]
        public void Sessions_never_expose_the_comm_key_or_the_engine_client()
        {
            Type session = Command("Connect-ZkDevice").OutputType.Single().Type;
            string[] properties = session.GetProperties().Select(p => p.Name).ToArray();
            Assert.DoesNotContain(properties, p => p.Contains("Key", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("Client", properties);
            Assert.DoesNotContain("Options", properties);
            foreach (string expected in new[] { "Id", "Device", "Transport", "SerialNumber", "Platform", "State" })
                Assert.Contains(expected, properties);
        }

        [Theory]
        [InlineData("Get-ZkUser")]
        [InlineData("Get-ZkFingerprint")]
        [InlineData("Get-ZkFaceTemplate")]
        [InlineData("Get-ZkUserPhoto")]
        [InlineData("Get-ZkAttendanceLog")]
        [InlineData("Get-ZkDeviceInfo")]
        [InlineData("Get-ZkDeviceTime")]
        public void Read_objects_carry_their_session_for_the_next_command(string name)
        {
            Type output = Command(name).OutputType.Single().Type;
            Assert.Equal("ZkSession", output.GetProperty("Session")?.PropertyType.Name);
        }

        [Theory]
        [InlineData("Set-ZkUser")]
        [InlineData("Remove-ZkUser")]
        [InlineData("New-ZkUser")]
        [InlineData("Remove-ZkFingerprint")]
        [InlineData("Remove-ZkFaceTemplate")]
        [InlineData("Remove-ZkUserPhoto")]
        [InlineData("Set-ZkUserPhoto")]
        [InlineData("Get-ZkFingerprint")]
        [InlineData("Get-ZkFaceTemplate")]
        [InlineData("Copy-ZkUser")]
        [InlineData("Copy-ZkFingerprint")]
        [InlineData("Copy-ZkFaceTemplate")]
        [InlineData("Copy-ZkUserPhoto")]
        public void User_commands_bind_UserId_by_property_name(string name) =>
            Assert.True(ByPropertyName(Parameter(name, "UserId")));

        [Fact]
        public void Fingerprint_removal_binds_the_finger_of_piped_templates()
        {
            ParameterMetadata finger = Parameter("Remove-ZkFingerprint", "FingerIndex");
            Assert.True(ByPropertyName(finger));
            Assert.Equal(
                typeof(int),
                Command("Get-ZkFingerprint").OutputType.Single().Type.GetProperty("FingerIndex")!.PropertyType
            );
        }

        [Theory]
        [InlineData("Copy-ZkUser")]
        [InlineData("Copy-ZkFingerprint")]
        [InlineData("Copy-ZkFaceTemplate")]
        [InlineData("Copy-ZkUserPhoto")]
        public void Copy_commands_take_a_source_and_one_or_more_destinations(string name)
        {
            ParameterMetadata source = Parameter(name, "Source");
            Assert.Contains("Session", source.Aliases);
            Assert.True(ByPropertyName(source));
            ParameterMetadata destination = Parameter(name, "Destination");
            Assert.Equal("ZkSession[]", destination.ParameterType.Name);
            Assert.True(destination.ParameterSets.Values.All(s => s.IsMandatory));
            Assert.Equal("ZkCopyResult", Command(name).OutputType.Single().Type.Name);
        }

        [Fact]
        public void Copy_user_include_offers_the_four_parts()
        {
            ParameterMetadata include = Parameter("Copy-ZkUser", "Include");
            ValidateSetAttribute offered = include.Attributes.OfType<ValidateSetAttribute>().Single();
            Assert.Equal(new[] { "Users", "Fingerprints", "Faces", "Photos" }, offered.ValidValues);
        }

        [Fact]
        public void Copy_results_report_the_agreed_statuses()
        {
            Type result = Command("Copy-ZkUser").OutputType.Single().Type;
            foreach (string property in new[] { "UserId", "Name", "Source", "Destination", "Status", "Notes" })
                Assert.NotNull(result.GetProperty(property));
            Assert.Equal(
                new[] { "Copied", "Updated", "Skipped", "Failed" },
                Enum.GetNames(result.GetProperty("Status")!.PropertyType)
            );
        }

        [Fact]
        public void User_name_filter_supports_wildcards()
        {
            Type command = Command("Get-ZkUser").ImplementingType;
            Assert.NotNull(command.GetProperty("Name")!.GetCustomAttribute<SupportsWildcardsAttribute>());
        }

        [Fact]
        public void Without_a_session_commands_stop_with_NoSession()
        {
            using var fresh = new PsHost();
            // Only a terminating error reaches catch; a non-terminating one would let Get-ZkUser "succeed" with
            // nothing.
            PsResult result = fresh.Run(
                "try { Get-ZkUser; 'not stopped' } catch { $_.FullyQualifiedErrorId; "
                    + "$_.CategoryInfo.Category.ToString() }"
            );
            result.ShouldSucceed();
            Assert.StartsWith("ZkSync.NoSession,", (string)result.Output[0].BaseObject);
            // InvalidOperation, not ConnectionError: nothing failed on the network; the command was run before
            // Connect-ZkDevice.
            Assert.Equal(nameof(ErrorCategory.InvalidOperation), result.Output[1].BaseObject);
        }

        [Fact]
        public void A_fresh_runspace_has_no_sessions_or_current_session()
        {
            using var fresh = new PsHost();
            Assert.Empty(fresh.Run("Get-ZkSession").Output);
            Assert.Empty(fresh.Run("Get-ZkSession -Current").Output);
            PsResult byId = fresh.Run("Get-ZkSession -Id 7");
            Assert.Equal("ZkSync.SessionNotFound", Assert.Single(byId.ErrorIds));
        }

        [Fact]
        public void Unknown_emulator_ids_are_reported()
        {
            PsResult result = _ps.Run("Stop-ZkEmulator -Id 4242");
            Assert.Equal("ZkSync.EmulatorNotFound", Assert.Single(result.ErrorIds));
            Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors.Single().CategoryInfo.Category);
        }
    }
}
