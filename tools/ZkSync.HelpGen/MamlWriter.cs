using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace ZkSync.HelpGen
{
    /// <summary>Writes cmdlet help as MAML (the XML Get-Help reads from en-US/&lt;Assembly&gt;.dll-Help.xml), as
    /// platyPS does.</summary>
    public static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static XDocument Write(IEnumerable<CommandHelp> commands)
        {
            var root = new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                commands.OrderBy(c => c.Name).Select(WriteCommand));
            return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        }

        private static XElement WriteCommand(CommandHelp help) => new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            new XElement(Command + "syntax", SyntaxItems(help)),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.Metadata[0]))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeEntry(Command + "inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeEntry(Command + "returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select((e, i) => Example(e, i))),
            new XElement(Command + "relatedLinks", help.RelatedLinks.Select(l => new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", l.Text),
                new XElement(Maml + "uri", OnlineUri(l.Uri))))));

        /// <summary>
        /// Get-Help -Online opens the first link's uri, and fails on a relative one ("The specified URI
        /// Disconnect-ZkDevice.md is not valid"). The docs link each other as files, which only make sense in the
        /// repository, so only absolute http(s) links are kept; with none, -Online says there is no online help.
        /// </summary>
        private static string OnlineUri(string uri) =>
            Uri.TryCreate(uri, UriKind.Absolute, out Uri? absolute)
            && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
                ? uri
                : "";

        /// <summary>One syntax line per parameter set, built from which sets each parameter's metadata names.</summary>
        private static IEnumerable<XElement> SyntaxItems(CommandHelp help)
        {
            var sets = help
                .Parameters.SelectMany(p => p.Metadata)
                .SelectMany(m => m.ParameterSets)
                .Where(s => s != ParameterMetadata.AllSets)
                .Distinct()
                .ToList();
            if (sets.Count == 0)
                sets.Add(ParameterMetadata.AllSets);

            foreach (string set in sets)
            {
                var members = help
                    .Parameters.Select(p => (Parameter: p, Metadata: p.Metadata.FirstOrDefault(m => m.AppliesTo(set))))
                    .Where(x => x.Metadata != null)
                    .OrderBy(x => int.TryParse(x.Metadata!.Position, out int position) ? position : int.MaxValue)
                    .ThenByDescending(x => x.Metadata!.Required);
                yield return new XElement(
                    Command + "syntaxItem",
                    new XElement(Maml + "name", help.Name),
                    members.Select(x => Parameter(x.Parameter, x.Metadata!))
                );
            }
        }

        private static XElement Parameter(ParameterHelp parameter, ParameterMetadata metadata)
        {
            bool isSwitch = metadata.Type == "SwitchParameter";
            return new XElement(
                Command + "parameter",
                new XAttribute("required", metadata.Required ? "true" : "false"),
                new XAttribute(
                    "variableLength",
                    metadata.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"
                ),
                new XAttribute("globbing", metadata.Wildcards ? "true" : "false"),
                new XAttribute("pipelineInput", metadata.PipelineInput),
                new XAttribute(
                    "position",
                    string.Equals(metadata.Position, "named", StringComparison.OrdinalIgnoreCase)
                        ? "named"
                        : metadata.Position
                ),
                new XAttribute("aliases", metadata.Aliases.Count == 0 ? "none" : string.Join(", ", metadata.Aliases)),
                new XElement(Maml + "name", parameter.Name),
                Description(parameter.Description),
                metadata.AcceptedValues.Select(v => new XElement(
                    Command + "parameterValueGroup",
                    new XElement(
                        Command + "parameterValue",
                        new XAttribute("required", "false"),
                        new XAttribute("variableLength", "false"),
                        v
                    )
                )),
                isSwitch
                    ? null
                    : new XElement(
                        Command + "parameterValue",
                        new XAttribute("required", "true"),
                        new XAttribute("variableLength", "false"),
                        metadata.Type
                    ),
                new XElement(Dev + "type", new XElement(Maml + "name", metadata.Type), new XElement(Maml + "uri")),
                new XElement(Dev + "defaultValue", metadata.DefaultValue)
            );
        }

        private static XElement TypeEntry(XName name, TypeHelp type) =>
            new XElement(
                name,
                new XElement(Dev + "type", new XElement(Maml + "name", type.Name)),
                Description(type.Description)
            );

        private static XElement Example(ExampleHelp example, int index) =>
            new XElement(
                Command + "example",
                new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
                new XElement(Dev + "code", example.Code),
                new XElement(Dev + "remarks", Paras(example.Remarks))
            );

        private static XElement Description(IEnumerable<string> paragraphs) =>
            new XElement(Maml + "description", Paras(paragraphs));

        private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) =>
            paragraphs.Where(p => p.Length > 0).Select(p => new XElement(Maml + "para", p));
    }
}
