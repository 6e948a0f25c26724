using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>Runs a program with a hard timeout (killed on expiry) and captures its output.</summary>
    internal static class ExternalProcess
    {
        public sealed class Result
        {
            public int ExitCode { get; set; }
            public string Stdout { get; set; } = "";
            public string Stderr { get; set; } = "";
        }

        /// <summary>Full path of an executable on PATH, or null.</summary>
        public static string? FindOnPath(string name)
        {
            var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(
                Path.PathSeparator,
                StringSplitOptions.RemoveEmptyEntries
            );
            var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : new[] { name };
            return dirs.SelectMany(d => names.Select(n => Path.Combine(d, n))).FirstOrDefault(File.Exists);
        }

        public static Result Run(
            string file,
            string arguments,
            string workingDirectory,
            TimeSpan timeout,
            string? stdin = null
        )
        {
            var psi = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (stdin != null)
                p.StandardInput.Write(stdin);
            p.StandardInput.Close();
            if (!p.WaitForExit((int)timeout.TotalMilliseconds))
            {
                try
                {
                    p.Kill(entireProcessTree: true);
                }
                catch { }
                throw new TimeoutException(
                    $"{Path.GetFileName(file)} {arguments} did not finish within {timeout.TotalSeconds} s; stderr: "
                        + $"{Tail(stderr)}"
                );
            }
            p.WaitForExit();
            return new Result
            {
                ExitCode = p.ExitCode,
                Stdout = stdout.Result,
                Stderr = stderr.Result,
            };
        }

        private static string Tail(System.Threading.Tasks.Task<string> t) => t.IsCompleted ? t.Result : "";
    }
}
