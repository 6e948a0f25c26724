using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace ZkSync.Demo
{
    /// <summary>Console output for the demo host. Progress bars are not drawn: the demo's output is meant to be read as
    /// a log.</summary>
    internal sealed class ConsoleHostUserInterface : PSHostUserInterface
    {
        public override PSHostRawUserInterface RawUI { get; } = new ConsoleRawUserInterface();

        // Escape sequences (table header colours) are dropped when the output goes to a file or a CI log.
        private static readonly bool Plain = Console.IsOutputRedirected;
        private static readonly Regex AnsiEscape = new Regex("\u001b\\[[0-9;]*m", RegexOptions.Compiled);

        private static string Clean(string value) => Plain ? AnsiEscape.Replace(value, "") : value;

        public override void Write(string value) => Console.Write(Clean(value));

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
            Console.Write(Clean(value));

        public override void WriteLine(string value) => Console.WriteLine(Clean(value));

        public override void WriteErrorLine(string value) => Console.Error.WriteLine(value);

        public override void WriteDebugLine(string message) => Console.WriteLine("DEBUG: " + message);

        public override void WriteVerboseLine(string message) => Console.WriteLine("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => Console.WriteLine("WARNING: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override string ReadLine() => Console.ReadLine() ?? "";

        public override SecureString ReadLineAsSecureString()
        {
            var secure = new SecureString();
            foreach (char c in Console.ReadLine() ?? "")
                secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        public override Dictionary<string, PSObject> Prompt(
            string caption,
            string message,
            Collection<FieldDescription> descriptions
        )
        {
            var answers = new Dictionary<string, PSObject>();
            foreach (FieldDescription d in descriptions)
            {
                Console.Write($"{d.Name}: ");
                answers[d.Name] = new PSObject(Console.ReadLine() ?? "");
            }
            return answers;
        }

        public override int PromptForChoice(
            string caption,
            string message,
            Collection<ChoiceDescription> choices,
            int defaultChoice
        )
        {
            Console.WriteLine(caption);
            Console.WriteLine(message);
            for (int i = 0; i < choices.Count; i++)
                Console.WriteLine($"  [{i}] {choices[i].Label.Replace("&", "")}");
            Console.Write($"choice (default {defaultChoice}): ");
            string? line = Console.ReadLine();
            return int.TryParse(line, out int n) && n >= 0 && n < choices.Count ? n : defaultChoice;
        }

        public override PSCredential PromptForCredential(
            string caption,
            string message,
            string userName,
            string targetName
        ) => throw new NotSupportedException("The demo host does not prompt for credentials.");

        public override PSCredential PromptForCredential(
            string caption,
            string message,
            string userName,
            string targetName,
            PSCredentialTypes allowedCredentialTypes,
            PSCredentialUIOptions options
        ) => throw new NotSupportedException("The demo host does not prompt for credentials.");
    }
}
