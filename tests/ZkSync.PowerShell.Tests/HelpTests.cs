using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.HelpGen;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>
    /// Help is complete (synopsis, description, two or more examples) in the shipped MAML as Get-Help shows it, and
    /// docs/en-US agrees with the cmdlets' real parameters, so the markdown cannot drift from the code.
    /// </summary>
    public sealed class HelpTests : IClassFixture<ModuleFixture>
    {
        private static readonly HashSet<string> Common = new HashSet<string>(
            PSCmdlet.CommonParameters.Concat(PSCmdlet.OptionalCommonParameters), StringComparer.OrdinalIgnoreCase);

        private readonly PsHost _ps;

        public HelpTests(ModuleFixture fixture) => _ps = fixture.Host;

        [Theory]
        [MemberData(nameof(ExportedCommands.All), MemberType = typeof(ExportedCommands))]
        public void Get_Help_shows_synopsis_description_and_at_least_two_examples(string name)
        {
            PsResult result = _ps.Run(
                $"$h = Get-Help {name} -Full; $h.Synopsis; ($h.description | ForEach-Object Text) -join ' '; "
                    + "$h.examples.example.Count; ($h.examples.example | ForEach-Object code) -join ' '"
            );
            result.ShouldSucceed();
            string synopsis = (string)result.Output[0].BaseObject;
            Assert.False(string.IsNullOrWhiteSpace(synopsis));
            Assert.DoesNotContain("[<CommonParameters>]", synopsis); // auto-generated help puts the syntax there
            Assert.True(((string)result.Output[1].BaseObject).Length > 20, $"{name}: description missing");
            Assert.True((int)result.Output[2].BaseObject >= 2, $"{name}: fewer than two examples");
            Assert.Contains(name, (string)result.Output[3].BaseObject);
        }

        [Fact]
        public void Get_Help_Examples_shows_the_copy_examples()
        {
            PsResult result = _ps.Run(
                "(Get-Help Copy-ZkUser -Examples).examples.example | ForEach-Object { $_.title + ' ' + $_.code }"
            );
            result.ShouldSucceed();
            Assert.True(result.Output.Count >= 2);
            Assert.Contains(result.Output, o => ((string)o.BaseObject).Contains("Copy-ZkUser -Destination $b"));
        }

        [Theory]
        [InlineData("about_ZkSync", "ZkSync.NoSession")]
        [InlineData("about_ZkSyncSessions", "Connect-ZkDevice")]
        public void About_topics_are_shipped(string topic, string expectedText)
        {
            PsResult result = _ps.Run($"Get-Help {topic}");
            result.ShouldSucceed();
            Assert.Contains(expectedText, string.Join("\n", result.Output.Select(o => o.ToString())));
        }

        [Theory]
        [MemberData(nameof(ExportedCommands.All), MemberType = typeof(ExportedCommands))]
        public void Markdown_documents_exactly_the_real_parameters(string name)
        {
            CommandHelp doc = MarkdownHelpReader.ReadFile(Path.Combine(RepoPaths.Docs, name + ".md"));
            Assert.Equal(name, doc.Name);
            var command = (CmdletInfo)_ps.Run($"Get-Command {name}").Output.Single().BaseObject;
            var real = command.Parameters.Values.Where(p => !Common.Contains(p.Name)).ToDictionary(p => p.Name);

            // -WhatIf/-Confirm are documented like platyPS does, but they are common parameters of the engine.
            var documentedParameters = doc.Parameters.Where(p => !Common.Contains(p.Name)).ToList();
            Assert.Equal(real.Keys.OrderBy(n => n), documentedParameters.Select(p => p.Name).OrderBy(n => n));
            foreach (ParameterHelp documented in documentedParameters)
            {
                System.Management.Automation.ParameterMetadata parameter = real[documented.Name];
                Assert.True(documented.Description.Count > 0, $"{name} -{documented.Name}: no description");
                foreach (ParameterMetadata_ set in Sets(parameter))
                {
                    ZkSync.HelpGen.ParameterMetadata block = documented.Metadata.FirstOrDefault(m =>
                        m.AppliesTo(set.Name)
                    )
                        ?? throw new Xunit.Sdk.XunitException(
                            $"{name} -{documented.Name}: parameter set {set.Name} not documented"
                        );
                    string where = $"{name} -{documented.Name} [{set.Name}]";
                    Assert.True(
                        TypeName(parameter.ParameterType) == block.Type,
                        $"{where}: type {block.Type}, code says {TypeName(parameter.ParameterType)}"
                    );
                    Assert.True(set.Required == block.Required, $"{where}: Required");
                    Assert.True(
                        set.Position == block.Position,
                        $"{where}: Position {block.Position}, code says {set.Position}"
                    );
                    Assert.True(
                        set.Pipeline == block.PipelineInput,
                        $"{where}: pipeline input '{block.PipelineInput}', code says '{set.Pipeline}'"
                    );
                    Assert.True(
                        parameter.Aliases.OrderBy(a => a).SequenceEqual(block.Aliases.OrderBy(a => a)),
                        $"{where}: aliases"
                    );
                }
            }
        }

        [Fact]
        public void Every_markdown_page_belongs_to_an_exported_cmdlet()
        {
            string[] pages = Directory
                .GetFiles(RepoPaths.Docs, "*-*.md")
                .Select(Path.GetFileNameWithoutExtension)
                .OrderBy(n => n)
                .ToArray()!;
            Assert.Equal(ExportedCommands.Names.OrderBy(n => n), pages);
        }

        /// <summary>One parameter's binding facts in one parameter set, spelled as platyPS writes them.</summary>
        private sealed record ParameterMetadata_(string Name, bool Required, string Position, string Pipeline);

        private static IEnumerable<ParameterMetadata_> Sets(System.Management.Automation.ParameterMetadata parameter) =>
            parameter.ParameterSets.Select(pair => new ParameterMetadata_(
                pair.Key == "__AllParameterSets" ? "(All)" : pair.Key,
                pair.Value.IsMandatory,
                pair.Value.Position == int.MinValue
                    ? "Named"
                    : pair.Value.Position.ToString(CultureInfo.InvariantCulture),
                Pipeline(pair.Value)
            ));

        private static string Pipeline(ParameterSetMetadata set) =>
            set.ValueFromPipeline && set.ValueFromPipelineByPropertyName ? "True (ByPropertyName, ByValue)"
            : set.ValueFromPipeline ? "True (ByValue)"
            : set.ValueFromPipelineByPropertyName ? "True (ByPropertyName)"
            : "False";

        private static string TypeName(Type type) => (Nullable.GetUnderlyingType(type) ?? type).Name;
    }
}
