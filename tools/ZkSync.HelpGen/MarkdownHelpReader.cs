using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ZkSync.HelpGen
{
    /// <summary>
    /// Reads platyPS-style (schema 2.0.0) cmdlet markdown: "## SYNOPSIS", "## DESCRIPTION", "## EXAMPLES" with
    /// "### Example" + code fence, "## PARAMETERS" with "### -Name" + prose + ```yaml metadata, "## INPUTS",
    /// "## OUTPUTS", "## NOTES", "## RELATED LINKS". SYNTAX is not read: it is derived from the parameter metadata.
    /// </summary>
    public static class MarkdownHelpReader
    {
        private static readonly Regex Link = new Regex(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)");

        public static CommandHelp ReadFile(string path) => Read(File.ReadAllText(path), Path.GetFileName(path));

        public static CommandHelp Read(string markdown, string source = "markdown")
        {
            List<string> lines = StripFrontMatter(markdown.Replace("\r\n", "\n").Split('\n'));
            var help = new CommandHelp();
            string section = "";
            int i = 0;
            while (i < lines.Count)
            {
                string line = lines[i];
                if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    help.Name = line.Substring(2).Trim();
                    i++;
                }
                else if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    section = line.Substring(3).Trim().ToUpperInvariant();
                    i++;
                    i = ReadSection(section, lines, i, help, source);
                }
                else i++;
            }

            if (help.Name.Length == 0) throw new FormatException($"{source}: no '# Cmdlet-Name' heading.");
            return help;
        }

        private static int ReadSection(string section, List<string> lines, int i, CommandHelp help, string source)
        {
            int end = i;
            while (end < lines.Count && !lines[end].StartsWith("## ", StringComparison.Ordinal)) end++;
            List<string> body = lines.GetRange(i, end - i);
            switch (section)
            {
                case "SYNOPSIS":
                    help.Synopsis = string.Join(" ", Paragraphs(body));
                    break;
                case "DESCRIPTION":
                    help.Description.AddRange(Paragraphs(body));
                    break;
                case "NOTES":
                    help.Notes.AddRange(Paragraphs(body));
                    break;
                case "EXAMPLES":
                    foreach (List<string> block in SubSections(body, out _))
                        help.Examples.Add(ReadExample(block, source));
                    break;
                case "PARAMETERS":
                    foreach (List<string> block in SubSections(body, out _))
                    {
                        if (block[0].Trim() == "CommonParameters") continue;
                        help.Parameters.Add(ReadParameter(block, source));
                    }

                    break;
                case "INPUTS":
                    help.Inputs.AddRange(SubSections(body, out _).Select(ReadType));
                    break;
                case "OUTPUTS":
                    help.Outputs.AddRange(SubSections(body, out _).Select(ReadType));
                    break;
                case "RELATED LINKS":
                    foreach (string line in body)
                    {
                        Match match = Link.Match(line.Trim());
                        if (match.Success)
                            help.RelatedLinks.Add(
                                new LinkHelp { Text = match.Groups["text"].Value, Uri = match.Groups["uri"].Value }
                            );
                    }

                    break;
            }

            return end;
        }

        private static ExampleHelp ReadExample(List<string> block, string source)
        {
            var example = new ExampleHelp { Title = block[0].Trim() };
            var rest = block.Skip(1).ToList();
            int open = rest.FindIndex(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
            if (open < 0)
                throw new FormatException($"{source}: example '{example.Title}' has no code block.");
            int close = rest.FindIndex(open + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
            if (close < 0)
                throw new FormatException($"{source}: example '{example.Title}' has an unclosed code block.");
            example.Code = string.Join("\n", rest.GetRange(open + 1, close - open - 1)).Trim('\n');
            example.Remarks.AddRange(Paragraphs(rest.Skip(close + 1)));
            return example;
        }

        private static ParameterHelp ReadParameter(List<string> block, string source)
        {
            string heading = block[0].Trim();
            if (!heading.StartsWith('-'))
                throw new FormatException($"{source}: parameter heading '{heading}' must start with '-'.");
            var parameter = new ParameterHelp { Name = heading.Substring(1) };
            var prose = new List<string>();
            for (int i = 1; i < block.Count; i++)
            {
                if (block[i].Trim().StartsWith("```yaml", StringComparison.Ordinal))
                {
                    int close = block.FindIndex(i + 1, l => l.Trim().StartsWith("```", StringComparison.Ordinal));
                    if (close < 0)
                        throw new FormatException($"{source}: -{parameter.Name} has an unclosed yaml block.");
                    parameter.Metadata.Add(ReadMetadata(block.GetRange(i + 1, close - i - 1)));
                    i = close;
                }
                else
                    prose.Add(block[i]);
            }

            if (parameter.Metadata.Count == 0)
                throw new FormatException($"{source}: -{parameter.Name} has no yaml metadata block.");
            parameter.Description.AddRange(Paragraphs(prose));
            return parameter;
        }

        private static ParameterMetadata ReadMetadata(List<string> yaml)
        {
            var metadata = new ParameterMetadata();
            foreach (string line in yaml)
            {
                int colon = line.IndexOf(':');
                if (colon < 0)
                    continue;
                string key = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                switch (key)
                {
                    case "Type":
                        metadata.Type = value;
                        break;
                    case "Parameter Sets":
                        metadata.ParameterSets.AddRange(List(value));
                        break;
                    case "Aliases":
                        metadata.Aliases.AddRange(List(value));
                        break;
                    case "Accepted values":
                        metadata.AcceptedValues.AddRange(List(value));
                        break;
                    case "Required":
                        metadata.Required = value.Equals("True", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "Position":
                        metadata.Position = value.Length == 0 ? "Named" : value;
                        break;
                    case "Default value":
                        metadata.DefaultValue = value.Length == 0 ? "None" : value;
                        break;
                    case "Accept pipeline input":
                        metadata.PipelineInput = value;
                        break;
                    case "Accept wildcard characters":
                        metadata.Wildcards = value.Equals("True", StringComparison.OrdinalIgnoreCase);
                        break;
                }
            }

            if (metadata.ParameterSets.Count == 0)
                metadata.ParameterSets.Add(ParameterMetadata.AllSets);
            return metadata;
        }

        private static TypeHelp ReadType(List<string> block)
        {
            var type = new TypeHelp { Name = block[0].Trim() };
            type.Description.AddRange(Paragraphs(block.Skip(1)));
            return type;
        }

        private static IEnumerable<string> List(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0);

        /// <summary>"### Heading" blocks of a section: first line is the heading text, the rest its body.</summary>
        private static List<List<string>> SubSections(List<string> body, out List<string> preamble)
        {
            var blocks = new List<List<string>>();
            preamble = new List<string>();
            List<string>? current = null;
            bool inFence = false;
            foreach (string line in body)
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
                if (!inFence && line.StartsWith("### ", StringComparison.Ordinal))
                {
                    current = new List<string> { line.Substring(4) };
                    blocks.Add(current);
                }
                else (current ?? preamble).Add(line);
            }

            return blocks;
        }

        /// <summary>Blank-line separated paragraphs, with lines of one paragraph joined by spaces; code fences kept as
        /// one paragraph.</summary>
        internal static List<string> Paragraphs(IEnumerable<string> lines)
        {
            var paragraphs = new List<string>();
            var current = new List<string>();
            bool inFence = false;
            foreach (string raw in lines)
            {
                string line = raw.TrimEnd();
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    // A fence inside prose becomes its own paragraph with its line breaks kept.
                    if (inFence && current.Count > 0) paragraphs.Add(string.Join("\n", current));
                    if (inFence) current.Clear();
                    else Flush();
                    inFence = !inFence;
                    continue;
                }

                if (inFence)
                {
                    current.Add(line);
                    continue;
                }

                if (line.Trim().Length == 0)
                {
                    Flush();
                    continue;
                }

                current.Add(line.Trim());
            }

            Flush();
            return paragraphs;

            void Flush()
            {
                if (current.Count > 0) paragraphs.Add(string.Join(" ", current));
                current.Clear();
            }
        }

        private static List<string> StripFrontMatter(string[] lines)
        {
            var list = lines.ToList();
            if (list.Count > 0 && list[0].Trim() == "---")
            {
                int close = list.FindIndex(1, l => l.Trim() == "---");
                if (close > 0) list.RemoveRange(0, close + 1);
            }

            return list;
        }
    }
}
