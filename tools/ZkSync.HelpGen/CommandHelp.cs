using System.Collections.Generic;

namespace ZkSync.HelpGen
{
    /// <summary>Help for one cmdlet, as written in docs/en-US/&lt;Cmdlet&gt;.md.</summary>
    public sealed class CommandHelp
    {
        public string Name { get; set; } = "";
        public string Synopsis { get; set; } = "";
        public List<string> Description { get; } = new List<string>();
        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();
        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();
        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();
        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();
        public List<string> Notes { get; } = new List<string>();
        public List<LinkHelp> RelatedLinks { get; } = new List<LinkHelp>();

        public string Verb => Name.Contains('-') ? Name.Substring(0, Name.IndexOf('-')) : Name;
        public string Noun => Name.Contains('-') ? Name.Substring(Name.IndexOf('-') + 1) : "";
    }

    public sealed class ExampleHelp
    {
        public string Title { get; set; } = "";
        public string Code { get; set; } = "";
        public List<string> Remarks { get; } = new List<string>();
    }

    /// <summary>A parameter: its prose plus one metadata block per group of parameter sets (platyPS yaml
    /// blocks).</summary>
    public sealed class ParameterHelp
    {
        public string Name { get; set; } = "";
        public List<string> Description { get; } = new List<string>();
        public List<ParameterMetadata> Metadata { get; } = new List<ParameterMetadata>();
    }

    public sealed class ParameterMetadata
    {
        public const string AllSets = "(All)";

        public string Type { get; set; } = "";
        public List<string> ParameterSets { get; } = new List<string>();
        public List<string> Aliases { get; } = new List<string>();
        public List<string> AcceptedValues { get; } = new List<string>();
        public bool Required { get; set; }
        public string Position { get; set; } = "Named";
        public string DefaultValue { get; set; } = "None";
        public string PipelineInput { get; set; } = "False";
        public bool Wildcards { get; set; }

        public bool AppliesTo(string set) => ParameterSets.Contains(AllSets) || ParameterSets.Contains(set);
    }

    public sealed class TypeHelp
    {
        public string Name { get; set; } = "";
        public List<string> Description { get; } = new List<string>();
    }

    public sealed class LinkHelp
    {
        public string Text { get; set; } = "";
        public string Uri { get; set; } = "";
    }
}
