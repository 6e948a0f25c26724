using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>The README's main-job command: the demo host runs demo/demo.ps1 end to end on two emulators.</summary>
    public sealed class DemoTests
    {
        [Fact]
        public async Task Demo_syncs_compares_equal_and_resyncs_unchanged()
        {
            string demoDll = Path.Combine(
                RepoPaths.Root,
                "src",
                "ZkSync.Demo",
                "bin",
                BuildConfiguration(),
                "net10.0",
                "ZkSync.Demo.dll"
            );
            Assert.True(File.Exists(demoDll), $"demo host not built at {demoDll}");

            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepoPaths.Root,
            };
            foreach (string a in new[] { demoDll, "-Users", "12" })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("demo did not finish within 120 s");
            }

            // The process has exited, so its streams end; the timeout only keeps a stray child holding them from
            // hanging the test.
            string output = await stdout.WaitAsync(TimeSpan.FromSeconds(30));
            string errors = await stderr.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(process.ExitCode == 0, $"demo exited {process.ExitCode}: {errors}\n{output}");
            Assert.Contains("12 users, ", output);
            Assert.Contains("12 photos", output);
            Assert.Contains("users by status: Equal 12", output);
            Assert.Contains("users by action: Unchanged 12", output);
            Assert.Contains("bytes uploaded: 0", output);
            Assert.DoesNotContain("\u001b[", output);
        }

        private static string BuildConfiguration() =>
            AppContext.BaseDirectory.Contains(
                $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal
            )
                ? "Release"
                : "Debug";
    }
}
