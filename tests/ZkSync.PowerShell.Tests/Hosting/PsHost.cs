using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ZkSync.PowerShell.Tests.Hosting
{
    /// <summary>
    /// A real PowerShell 7 runspace in this process with the staged module imported, as a user's session would have it.
    /// Only core cmdlets exist here (no Select-Object, Sort-Object, Out-String...): scripts stick to those.
    /// </summary>
    public sealed class PsHost : IDisposable
    {
        /// <param name="host">A host that answers prompts (AnsweringHost); null = no user interaction at all.</param>
        public PsHost(bool importModule = true, System.Management.Automation.Host.PSHost? host = null)
        {
            var state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows())
                state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            Runspace =
                host == null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
            Runspace.Open();
            if (importModule)
                Run($"Import-Module '{RepoPaths.StagedManifest}' -ErrorAction Stop").ShouldSucceed();
        }

        public Runspace Runspace { get; }

        /// <summary>Runs a script; $name variables are set from <paramref name="variables"/> first.</summary>
        public PsResult Run(string script, IDictionary<string, object?>? variables = null)
        {
            if (variables != null)
                foreach (var pair in variables) Runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);

            var result = new PsResult();
            using var ps = System.Management.Automation.PowerShell.Create(Runspace);
            ps.AddScript(script);
            try
            {
                foreach (PSObject item in ps.Invoke()) if (item != null) result.Output.Add(item);
            }
            catch (RuntimeException terminating)
            {
                result.Terminating = terminating;
            }

            result.Errors.AddRange(ps.Streams.Error);
            result.Progress.AddRange(ps.Streams.Progress);
            result.Verbose.AddRange(ps.Streams.Verbose);
            result.Warnings.AddRange(ps.Streams.Warning);
            result.Debug.AddRange(ps.Streams.Debug);
            result.Information.AddRange(ps.Streams.Information);
            return result;
        }

        public PsResult Run(string script, string name, object? value) =>
            Run(script, new Dictionary<string, object?> { [name] = value });

        public void Dispose() => Runspace.Dispose();
    }

    /// <summary>One module import shared by every test of a class (imports cost more than the tests).</summary>
    public sealed class ModuleFixture : IDisposable
    {
        public PsHost Host { get; } = new PsHost();

        public void Dispose() => Host.Dispose();
    }
}
