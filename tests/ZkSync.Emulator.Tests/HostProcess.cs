using System;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ZkSync.Emulator.Tests.Interop;

namespace ZkSync.Emulator.Tests
{
    /// <summary>The built console host running with its stdin open: started, its port read from the listening line,
    /// killed on dispose if still running.</summary>
    internal sealed class HostProcess : IDisposable
    {
        private HostProcess(Process process, int port)
        {
            Process = process;
            Port = port;
        }

        public Process Process { get; }

        public int Port { get; }

        public static async Task<HostProcess> StartAsync(string arguments, TimeSpan timeout)
        {
            var psi = new ProcessStartInfo(
                ExternalProcess.FindOnPath("dotnet") ?? "dotnet",
                $"\"{HostTests.HostDll()}\" {arguments}"
            )
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(psi)!;
            try
            {
                string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(timeout);
                return new HostProcess(
                    process,
                    int.Parse(
                        Regex.Match(line ?? "", @"127\.0\.0\.1:(\d+)").Groups[1].Value,
                        CultureInfo.InvariantCulture
                    )
                );
            }
            catch
            {
                process.Kill(true);
                process.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(true);
            Process.Dispose();
        }
    }
}
