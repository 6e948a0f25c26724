using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Core;
using ZkSync.Emulator.Host;

// Console host: parse, start, print the listening line, serve until Ctrl+C / SIGTERM / end of stdin, save, exit 0.
var options = CommandLine.Parse(args, out bool help, out string? error);
if (help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}
if (options == null)
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine("run with --help for usage");
    return 2;
}

DeviceEmulator emulator;
try
{
    emulator = await DeviceEmulator.StartAsync(options);
}
catch (Exception ex) when (ex is System.Net.Sockets.SocketException || ex is InvalidDataException || ex is IOException)
{
    Console.Error.WriteLine($"error: cannot start the emulator: {ex.Message}");
    return 1;
}

var stop = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.TrySetResult("interrupted");
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    stop.TrySetResult("terminated");
});
_ = Task.Run(() =>
{
    // Control lines for a parent process (a benchmark); end of standard input stops the host.
    using var input = new StreamReader(Console.OpenStandardInput());
    string? line;
    while ((line = input.ReadLine()) != null)
    {
        string? answer = HostCommands.Run(line, emulator);
        if (answer != null)
        {
            Console.Out.WriteLine(answer);
            Console.Out.Flush();
        }
    }
    stop.TrySetResult("end of input");
});

Console.Error.WriteLine(
    $"profile {emulator.Profile.Name}, transport {options.Transport.ToString().ToLowerInvariant()}, "
        + $"{emulator.State.UserCount} users"
);
Console.WriteLine($"listening on {emulator.Host}:{emulator.Port}");
Console.Out.Flush();

string why = await stop.Task;
Console.Error.WriteLine($"stopping ({why})");
await emulator.StopAsync();
if (options.StatePath != null) Console.Error.WriteLine($"state saved to {options.StatePath}");
Console.Out.Flush();
return 0;
