using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Xml.Linq;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>The manifest as shipped: valid, versioned from Directory.Build.props, exact exports, gallery
    /// metadata.</summary>
    public sealed class ModuleManifestTests : IClassFixture<ModuleFixture>
    {
        private readonly PsHost _ps;

        public ModuleManifestTests(ModuleFixture fixture) => _ps = fixture.Host;

        [Fact]
        public void Staged_manifest_passes_Test_ModuleManifest()
        {
            PsResult result = _ps.Run($"Test-ModuleManifest -Path '{RepoPaths.StagedManifest}'");
            result.ShouldSucceed();
            Assert.Equal("ZkSync", result.SingleProperty<string>("Name"));
        }

        [Fact]
        public void Module_version_is_the_one_in_Directory_Build_props()
        {
            string expected = XDocument
                .Load(Path.Combine(RepoPaths.Root, "Directory.Build.props"))
                .Descendants("Version")
                .Single()
                .Value;
            PsResult result = _ps.Run("(Get-Module ZkSync).Version.ToString()");
            Assert.Equal(expected, result.Output.Single().BaseObject);
        }

        [Fact]
        public void Exported_cmdlets_are_exactly_the_manifest_list_and_every_cmdlet_in_the_assembly()
        {
            Hashtable manifest = ReadManifest();
            string[] listed = ((object[])manifest["CmdletsToExport"]!).Cast<string>().OrderBy(n => n).ToArray();
            Assert.DoesNotContain(listed, n => n.Contains('*'));

            string[] exported = _ps.Run("Get-Command -Module ZkSync | ForEach-Object Name")
                .Output.Select(o => (string)o.BaseObject)
                .OrderBy(n => n)
                .ToArray();
            Assert.Equal(listed, exported);

            // Every cmdlet class in the assembly is listed (a forgotten export would silently hide a command).
            string[] defined = _ps.Run(
                    "(Get-Module ZkSync).ImplementingAssembly.GetTypes() | Where-Object { $_.IsPublic -and -not "
                        + "$_.IsAbstract -and $_.IsSubclassOf([System.Management.Automation.Cmdlet]) } | "
                            + "ForEach-Object { $a = "
                                + "$_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "
                                    + "'{0}-{1}' -f $a.VerbName, $a.NounName }"
                )
                .Output.Select(o => (string)o.BaseObject)
                .OrderBy(n => n)
                .ToArray();
            Assert.Equal(listed, defined);
        }

        [Fact]
        public void Manifest_declares_editions_versions_formats_and_no_other_exports()
        {
            Hashtable manifest = ReadManifest();
            Assert.Equal("ZkSync.PowerShell.dll", manifest["RootModule"]);
            Assert.Equal(new[] { "Desktop", "Core" }, ((object[])manifest["CompatiblePSEditions"]!).Cast<string>());
            Assert.Equal("5.1", manifest["PowerShellVersion"]);
            Assert.Equal(new[] { "ZkSync.Format.ps1xml" }, AsStrings(manifest["FormatsToProcess"]));
            Assert.Empty(AsStrings(manifest["FunctionsToExport"]));
            Assert.Empty(AsStrings(manifest["VariablesToExport"]));
            Assert.Empty(AsStrings(manifest["AliasesToExport"]));
        }

        [Fact]
        public void Manifest_has_gallery_metadata()
        {
            var psData = (Hashtable)((Hashtable)ReadManifest()["PrivateData"]!)["PSData"]!;
            string[] tags = AsStrings(psData["Tags"]);
            Assert.Contains("ZKTeco", tags);
            Assert.Contains("PSEdition_Desktop", tags);
            Assert.Contains("PSEdition_Core", tags);
            // No public repository yet: links that would point nowhere are left out (see AdminDocsTests for LICENSE).
            Assert.False(psData.ContainsKey("ProjectUri"));
            Assert.False(psData.ContainsKey("LicenseUri"));
            Assert.False(string.IsNullOrWhiteSpace((string?)psData["ReleaseNotes"]));
        }

        [Fact]
        public void Staged_manifest_is_the_repository_manifest()
        {
            Assert.Equal(
                File.ReadAllText(Path.Combine(RepoPaths.Root, "ZkSync.psd1")),
                File.ReadAllText(RepoPaths.StagedManifest)
            );
        }

        private Hashtable ReadManifest()
        {
            PsResult result = _ps.Run($"Import-PowerShellDataFile -Path '{RepoPaths.StagedManifest}'");
            if (result.Terminating == null && result.Errors.Count == 0)
                return (Hashtable)result.Output.Single().BaseObject;
            // Import-PowerShellDataFile lives in Microsoft.PowerShell.Utility, absent in a bare host: parse the data
            // file directly.
            ScriptBlockAst ast =
                Parser
                    .ParseFile(RepoPaths.StagedManifest, out _, out ParseError[] errors)
                    .Find(a => a is ScriptBlockAst, false) as ScriptBlockAst
                ?? throw new InvalidOperationException("manifest has no script block");
            Assert.Empty(errors);
            var hashtable = (HashtableAst)ast.Find(a => a is HashtableAst, false)!;
            return (Hashtable)hashtable.SafeGetValue();
        }

        private static string[] AsStrings(object? value) => value switch
        {
            null => Array.Empty<string>(),
            string s => new[] { s },
            object[] items => items.Cast<string>().ToArray(),
            _ => throw new InvalidOperationException("unexpected manifest value " + value.GetType()),
        };
    }
}
