using System;
using System.IO;

namespace ZkSync.PowerShell.Tests.Hosting
{
    /// <summary>Where the repository and the staged module are, found from the test's own folder.</summary>
    public static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        /// <summary>The module as users get it (staged by building src/ZkSync.PowerShell).</summary>
        public static string ModuleDirectory => Path.Combine(Root, "out", "ZkSync");

        public static string StagedManifest => Path.Combine(ModuleDirectory, "ZkSync.psd1");

        public static string Docs => Path.Combine(Root, "docs", "en-US");

        public static string PesterTests => Path.Combine(Root, "tests", "Pester");

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (
                    File.Exists(Path.Combine(dir.FullName, "ZkSync.psd1"))
                    && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))
                )
                    return dir.FullName;
            }

            throw new InvalidOperationException(
                "Repository root (with ZkSync.psd1) not found above " + AppContext.BaseDirectory
            );
        }
    }
}
