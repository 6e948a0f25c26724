using System;
using System.Linq;
using System.Text;

namespace ZkSync.HelpGen
{
    /// <summary>about_ topics ship as plain text: headings become upper-case lines, code fences are indented.</summary>
    public static class AboutText
    {
        public static string FromMarkdown(string markdown)
        {
            var text = new StringBuilder();
            bool inFence = false;
            foreach (string raw in markdown.Replace("\r\n", "\n").Split('\n'))
            {
                if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                    continue;
                }

                if (inFence) text.Append("    ").AppendLine(raw);
                else if (raw.StartsWith('#')) text.AppendLine(raw.TrimStart('#').Trim().ToUpperInvariant());
                else text.AppendLine(raw);
            }

            return text.ToString();
        }
    }
}
