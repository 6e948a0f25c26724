using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>The Pester suite cannot run without pwsh, but it must at least parse: a syntax error would only show on
    /// CI.</summary>
    public sealed class PesterFileTests
    {
        public static TheoryData<string> Files()
        {
            var data = new TheoryData<string>();
            foreach (
                string file in Directory
                    .GetFiles(RepoPaths.PesterTests, "*.ps1", SearchOption.AllDirectories)
                    .OrderBy(f => f)
            )
                data.Add(Path.GetRelativePath(RepoPaths.PesterTests, file));
            return data;
        }

        [Theory]
        [MemberData(nameof(Files))]
        public void Pester_file_parses_without_errors(string relativePath)
        {
            Parser.ParseFile(Path.Combine(RepoPaths.PesterTests, relativePath), out _, out ParseError[] errors);
            Assert.True(
                errors.Length == 0,
                string.Join(
                    "\n",
                    errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}")
                )
            );
        }

        [Fact]
        public void Every_test_file_has_Describe_blocks_and_imports_the_staged_module()
        {
            string[] tests = Directory.GetFiles(RepoPaths.PesterTests, "*.Tests.ps1");
            Assert.True(tests.Length >= 4, "expected the Pester suite to cover module, sessions, users and copies");
            foreach (string file in tests)
            {
                ScriptBlockAst ast = Parser.ParseFile(file, out _, out _);
                var commands = ast.FindAll(a => a is CommandAst, true)
                    .Cast<CommandAst>()
                    .Select(c => c.GetCommandName())
                    .ToList();
                Assert.Contains("Describe", commands);
                Assert.Contains("BeforeAll", commands);
            }
        }
    }
}
