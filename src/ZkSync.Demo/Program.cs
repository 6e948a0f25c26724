using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ZkSync.Demo;

// Runs a PowerShell script (default demo/demo.ps1) in an in-process PowerShell 7 engine, so the demo works on a
// machine with only the .NET SDK. pwsh users run the same script directly: pwsh demo/demo.ps1
string root = RepoRoot.Find();
string script =
    args.Length > 0 && !args[0].StartsWith('-') ? Path.GetFullPath(args[0]) : Path.Combine(root, "demo", "demo.ps1");
string[] scriptArgs = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;

var host = new ConsoleHost();
var state = InitialSessionState.CreateDefault2();
if (OperatingSystem.IsWindows())
    state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
using Runspace runspace = RunspaceFactory.CreateRunspace(host, state);
runspace.Open();

using var ps = PowerShell.Create(runspace);

Console.CancelKeyPress += (_, e) => { e.Cancel = true; ps.BeginStop(null, null); };
ps.AddCommand(script);
ScriptArguments.Apply(ps, scriptArgs);
ps.AddCommand("Out-Default");
try
{
    ps.Invoke();
}
catch (RuntimeException ex)
{
    Console.Error.WriteLine($"demo failed: {ex.ErrorRecord?.ToString() ?? ex.Message}");
    return 1;
}

if (ps.HadErrors)
{
    foreach (ErrorRecord e in ps.Streams.Error) Console.Error.WriteLine($"error: {e}");
    return 1;
}
return host.ExitCode;
