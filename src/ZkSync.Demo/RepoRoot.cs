using System;
using System.IO;

namespace ZkSync.Demo
{
    /// <summary>Finds the repository root (the folder holding ZkSync.psd1) from the working directory or the program's
    /// folder.</summary>
    internal static class RepoRoot
    {
        public static string Find()
        {
            foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "ZkSync.psd1")))
                        return dir.FullName;
            }
            throw new InvalidOperationException(
                "Cannot find the ZkSync repository (ZkSync.psd1) above the current folder."
            );
        }
    }
}
