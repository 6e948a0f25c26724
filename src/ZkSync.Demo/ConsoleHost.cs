using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace ZkSync.Demo
{
    /// <summary>The smallest PowerShell host that prints to the console: enough for Out-Default, Write-Host-free
    /// scripts and prompts.</summary>
    internal sealed class ConsoleHost : PSHost
    {
        private readonly ConsoleHostUserInterface _ui = new ConsoleHostUserInterface();

        public int ExitCode { get; private set; }

        public override string Name => "ZkSync.Demo";
        public override Version Version { get; } = new Version(0, 1);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

        public override void EnterNestedPrompt() =>
            throw new NotSupportedException("Nested prompts are not supported by the demo host.");

        public override void ExitNestedPrompt() =>
            throw new NotSupportedException("Nested prompts are not supported by the demo host.");

        public override void NotifyBeginApplication() { }

        public override void NotifyEndApplication() { }

        public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
    }
}
