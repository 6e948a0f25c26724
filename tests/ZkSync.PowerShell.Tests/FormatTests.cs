using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Xml.Linq;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>ZkSync.Format.ps1xml loads in the engine and has a table view for every type the cmdlets
    /// output.</summary>
    public sealed class FormatTests : IClassFixture<ModuleFixture>
    {
        private static readonly string FormatFile = Path.Combine(RepoPaths.ModuleDirectory, "ZkSync.Format.ps1xml");
        private readonly PsHost _ps;

        public FormatTests(ModuleFixture fixture) => _ps = fixture.Host;

        [Fact]
        public void Format_file_is_valid_for_the_engine()
        {
            // FormatTable validates every view and throws FormatTableLoadException listing what is wrong.
            var table = new FormatTable(new[] { FormatFile });
            Assert.NotNull(table);
        }

        [Fact]
        public void Module_import_registers_the_format_file()
        {
            PsResult result = _ps.Run("(Get-Module ZkSync).ExportedFormatFiles");
            Assert.Contains(result.Output, o => Path.GetFileName((string)o.BaseObject) == "ZkSync.Format.ps1xml");
        }

        [Fact]
        public void Every_output_type_has_a_table_view()
        {
            string[] viewed = XDocument
                .Load(FormatFile)
                .Descendants("View")
                .Where(v => v.Element("TableControl") != null)
                .SelectMany(v => v.Descendants("TypeName"))
                .Select(t => t.Value)
                .ToArray();

            string[] outputTypes = _ps.Run(
                    "Get-Command -Module ZkSync | ForEach-Object { $_.OutputType } | ForEach-Object { $_.Type } | "
                        + "Where-Object { $_ -ne [void] -and $_.Namespace -like 'ZkSync*' } | ForEach-Object FullName"
                )
                .Output.Select(o => (string)o.BaseObject)
                .Distinct()
                .ToArray();
            Assert.NotEmpty(outputTypes);
            foreach (string type in outputTypes)
                Assert.Contains(type, viewed);
        }

        [Fact]
        public void Views_only_name_properties_that_exist()
        {
            Type anyOutput = ((CmdletInfo)_ps.Run("Get-Command Get-ZkUser").Output.Single().BaseObject)
                .OutputType.Single()
                .Type;
            foreach (XElement view in XDocument.Load(FormatFile).Descendants("View"))
            {
                // Each view also selects the Deserialized. twin, so results from Invoke-Command display alike.
                string[] names = view.Descendants("TypeName").Select(t => t.Value).ToArray();
                string typeName = names.Single(n => !n.StartsWith("Deserialized.", StringComparison.Ordinal));
                Assert.Equal(new[] { typeName, "Deserialized." + typeName }, names);
                Type type = anyOutput.Assembly.GetType(typeName)
                    ?? throw new InvalidOperationException($"{typeName} is not a type of the module");
                foreach (string property in view.Descendants("PropertyName").Select(p => p.Value))
                    Assert.True(type.GetProperty(property) != null, $"{typeName} has no property {property}");
            }
        }
    }
}
