using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace ZkSync.PowerShell.Tests.Reporting
{
    /// <summary>
    /// Headless Chromium (Debian's chromium package, which .ci/run installs when missing), run with a time limit.
    /// </summary>
    internal static class Chromium
    {
        /// <summary>CI=true (any case), 1, yes or on: as .ci/run and tools/run-pester.sh read it.</summary>
        public static bool UnderCi =>
            new[] { "true", "1", "yes", "on" }
                .Contains(Environment.GetEnvironmentVariable("CI")?.Trim().ToLowerInvariant());

        public static string? Find() =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(dir, name)))
                .FirstOrDefault(File.Exists);

        /// <summary>
        /// Runs chromium --headless with <paramref name="arguments"/> and returns its standard output.
        /// </summary>
        public static string Run(params string[] arguments)
        {
            string chromium = Find() ?? throw new InvalidOperationException(
                "chromium is not on PATH: install Debian's chromium package " +
                "(apt-get install chromium; .ci/run does it as root).");
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string profile = Path.Combine(Path.GetTempPath(), "zksync-chromium-" + Guid.NewGuid().ToString("N"));
            // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start. Nothing but a local file is
            // opened.
            string[] flags =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + profile,
            };
            foreach (string argument in flags.Concat(arguments))
                start.ArgumentList.Add(argument);
            try
            {
                return Run(start);
            }
            finally
            {
                if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
            }
        }

        private static string Run(ProcessStartInfo start)
        {
            using Process process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException(
                    "chromium did not finish within 120 s: " + string.Join(' ', start.ArgumentList));
            }
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {errors.Result}");
            return output.Result;
        }
    }

    /// <summary>
    /// A fact that needs headless Chromium: skipped outside CI when chromium is missing (saying what to install), never
    /// under CI, where it then fails: CI cannot go green with the report unrendered.
    /// </summary>
    public sealed class ChromiumFactAttribute : FactAttribute
    {
        public ChromiumFactAttribute()
        {
            if (Chromium.Find() == null && !Chromium.UnderCi)
                Skip = "SKIPPED, report not rendered: chromium is not on PATH (apt-get install chromium)";
        }
    }
}
