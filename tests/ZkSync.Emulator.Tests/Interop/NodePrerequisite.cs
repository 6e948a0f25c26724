using System;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>Whether node and npm are on PATH, and whether the run is under CI (where a missing one is a
    /// failure).</summary>
    internal static class NodePrerequisite
    {
        /// <summary>
        /// The convention GitHub Actions, GitLab CI and most other runners follow, and .ci/run sets: CI=true, in any
        /// case, or 1, yes or on, as .ci/run and tools/run-pester.sh read it.
        /// </summary>
        public static bool UnderCi =>
            Array.Exists(new[] { "true", "1", "yes", "on" }, value =>
                string.Equals(
                    Environment.GetEnvironmentVariable("CI")?.Trim(),
                    value,
                    StringComparison.OrdinalIgnoreCase
                )
            );

        /// <summary>What is missing and what to install, or null when node and npm are both on PATH.</summary>
        public static string? Missing()
        {
            bool node = ExternalProcess.FindOnPath("node") != null,
                npm = ExternalProcess.FindOnPath("npm") != null;
            if (node && npm)
                return null;
            string what =
                !node && !npm ? "node and npm are"
                : !node ? "node is"
                : "npm is";
            return $"{what} not on PATH; install Node.js 20 or later with npm (https://nodejs.org, or apt-get install "
                + "nodejs npm) "
                + "to run the node-zklib and zkteco-js interop tests.";
        }

        /// <summary>Path of node; throws with what to install when node or npm is missing (reached only under
        /// CI).</summary>
        public static string Node()
        {
            string? missing = Missing();
            if (missing != null) throw new InvalidOperationException((UnderCi ? "CI=true and " : "") + missing);
            return ExternalProcess.FindOnPath("node")!;
        }
    }
}
