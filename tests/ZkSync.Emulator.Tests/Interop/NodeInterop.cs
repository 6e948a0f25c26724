using System;
using System.IO;
using System.Text.Json;
using Xunit;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>
    /// Runs a script of a node interop package under tests/interop/&lt;package&gt; (its client pinned by the committed
    /// package-lock.json and installed here on first use) and parses the JSON it prints.
    /// </summary>
    internal static class NodeInterop
    {
        private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
        private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);
        private static readonly object InstallLock = new object();

        /// <param name="package">Folder under tests/interop, e.g. "node-zklib".</param>
        /// <param name="installedFile">A file that exists in node_modules once the client is installed.</param>
        public static JsonDocument Run(string package, string installedFile, string script, string arguments)
        {
            string node = NodePrerequisite.Node();
            string folder = PackageFolder(package);
            EnsureInstalled(folder, installedFile);
            // Run outside the repository: node-zklib and zkteco-js append error logs to their working directory.
            string work = Directory.CreateTempSubdirectory($"zksync-{package}-").FullName;
            try
            {
                var result = ExternalProcess.Run(
                    node,
                    $"\"{Path.Combine(folder, script)}\" {arguments}",
                    work,
                    ScriptTimeout
                );
                Assert.True(result.ExitCode == 0, $"node {script} exited {result.ExitCode}: {result.Stderr}");
                return JsonDocument.Parse(result.Stdout);
            }
            finally
            {
                try { Directory.Delete(work, true); } catch { }
            }
        }

        /// <summary>A JSON string argument for a command line (double quotes escaped for the shell-less argument
        /// parser).</summary>
        public static string Quote(object value) => "\"" + JsonSerializer.Serialize(value).Replace("\"", "\\\"") + "\"";

        /// <summary>Installs the pinned client from the committed lock file when node_modules lacks it.</summary>
        private static void EnsureInstalled(string folder, string installedFile)
        {
            lock (InstallLock)
            {
                if (File.Exists(Path.Combine(folder, "node_modules", installedFile)))
                    return;
                string npm = ExternalProcess.FindOnPath("npm")!;
                string command = File.Exists(Path.Combine(folder, "package-lock.json")) ? "ci" : "install";
                var result = ExternalProcess.Run(npm, $"{command} --no-audit --no-fund", folder, InstallTimeout);
                Assert.True(
                    result.ExitCode == 0,
                    $"npm {command} in {folder} failed ({result.ExitCode}): {result.Stderr}"
                );
            }
        }

        private static string PackageFolder(string package)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "interop", package);
                if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
            }
            throw new DirectoryNotFoundException($"tests/interop/{package} not found above {AppContext.BaseDirectory}");
        }
    }
}
