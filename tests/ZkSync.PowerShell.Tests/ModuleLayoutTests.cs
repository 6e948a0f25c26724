using System;
using System.IO;
using System.Linq;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>The staged folder is the module users get: everything it needs, and nothing PowerShell provides
    /// itself.</summary>
    public sealed class ModuleLayoutTests
    {
        private static string[] StagedFiles() =>
            Directory
                .GetFiles(RepoPaths.ModuleDirectory, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(RepoPaths.ModuleDirectory, f).Replace('\\', '/'))
                .ToArray();

        [Theory]
        [InlineData("ZkSync.psd1")]
        [InlineData("ZkSync.PowerShell.dll")]
        [InlineData("ZkSync.Protocol.dll")]
        [InlineData("ZkSync.Sync.dll")]
        [InlineData("ZkSync.Emulator.Core.dll")]
        [InlineData("ZkSync.Format.ps1xml")]
        [InlineData("en-US/ZkSync.PowerShell.dll-Help.xml")]
        [InlineData("en-US/about_ZkSync.help.txt")]
        [InlineData("en-US/about_ZkSyncSessions.help.txt")]
        // Runtime dependencies of the engine that Windows PowerShell 5.1 does not have.
        [InlineData("Microsoft.Extensions.Logging.Abstractions.dll")]
        [InlineData("System.Text.Encoding.CodePages.dll")]
        [InlineData("System.Memory.dll")]
        // The MIT notice goes with every copy; symbols give file and line in a reported stack trace.
        [InlineData("LICENSE")]
        [InlineData("ZkSync.PowerShell.pdb")]
        [InlineData("ZkSync.Protocol.pdb")]
        public void Staged_module_contains(string file) => Assert.Contains(file, StagedFiles());

        [Fact]
        public void PowerShell_itself_is_never_shipped()
        {
            Assert.DoesNotContain(StagedFiles(), f =>
                f.StartsWith("System.Management.Automation", StringComparison.Ordinal)
                || f.StartsWith("Microsoft.PowerShell", StringComparison.Ordinal)
            );
        }

        [Fact]
        public void Test_assemblies_are_not_loaded_from_this_folder_twice()
        {
            // The tests must see only the staged module copies; a copy in the test bin folder would hide staging bugs.
            Assert.False(File.Exists(Path.Combine(System.AppContext.BaseDirectory, "ZkSync.PowerShell.dll")));
            Assert.False(File.Exists(Path.Combine(System.AppContext.BaseDirectory, "ZkSync.Protocol.dll")));
        }
    }
}
