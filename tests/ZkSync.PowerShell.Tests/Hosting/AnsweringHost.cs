using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace ZkSync.PowerShell.Tests.Hosting
{
    /// <summary>
    /// A host whose user answers every prompt (ShouldProcess -Confirm, ShouldContinue) with the same choice, e.g. "No",
    /// and remembers the prompts. Everything else it is asked to show is dropped.
    /// </summary>
    public sealed class AnsweringHost : PSHost
    {
        private readonly AnsweringUi _ui;

        public AnsweringHost(string answer) => _ui = new AnsweringUi(answer);

        /// <summary>Each prompt's caption and message, in order.</summary>
        public List<string> Prompts => _ui.Prompts;

        public override string Name => "ZkSync test host";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }

        private sealed class AnsweringUi : PSHostUserInterface
        {
            private readonly string _answer;

            public AnsweringUi(string answer) => _answer = answer;

            public List<string> Prompts { get; } = new List<string>();

            public override PSHostRawUserInterface? RawUI => null;

            /// <summary>Picks the choice labelled like the answer ("No" matches "&amp;No", not "No to
            /// &amp;All").</summary>
            public override int PromptForChoice(
                string caption,
                string message,
                Collection<ChoiceDescription> choices,
                int defaultChoice
            )
            {
                Prompts.Add(caption + ": " + message);
                for (int i = 0; i < choices.Count; i++)
                    if (choices[i].Label.Replace("&", "").Equals(_answer, StringComparison.OrdinalIgnoreCase))
                        return i;
                throw new InvalidOperationException($"No choice '{_answer}' in: {string.Join(", ", choices)}");
            }

            public override Dictionary<string, PSObject> Prompt(
                string caption,
                string message,
                Collection<FieldDescription> descriptions
            ) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(
                string caption,
                string message,
                string userName,
                string targetName
            ) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(
                string caption,
                string message,
                string userName,
                string targetName,
                PSCredentialTypes allowedCredentialTypes,
                PSCredentialUIOptions options
            ) => throw new NotSupportedException();

            public override string ReadLine() => throw new NotSupportedException();

            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();

            public override void Write(string value) { }

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }

            public override void WriteLine(string value) { }

            public override void WriteErrorLine(string value) { }

            public override void WriteDebugLine(string message) { }

            public override void WriteProgress(long sourceId, ProgressRecord record) { }

            public override void WriteVerboseLine(string message) { }

            public override void WriteWarningLine(string message) { }
        }
    }
}
