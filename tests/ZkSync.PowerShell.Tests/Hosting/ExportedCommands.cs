using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;

namespace ZkSync.PowerShell.Tests.Hosting
{
    /// <summary>The cmdlet names in the manifest, for [MemberData] (read without a runspace, at test
    /// discovery).</summary>
    public static class ExportedCommands
    {
        public static IReadOnlyList<string> Names { get; } = Read();

        public static IEnumerable<object[]> All => Names.Select(n => new object[] { n });

        private static List<string> Read()
        {
            ScriptBlockAst ast = Parser.ParseFile(System.IO.Path.Combine(RepoPaths.Root, "ZkSync.psd1"), out _, out _);
            var table = (HashtableAst)ast.Find(a => a is HashtableAst, false)!;
            var exports = (System.Collections.Hashtable)table.SafeGetValue();
            return ((object[])exports["CmdletsToExport"]!).Cast<string>().ToList();
        }
    }
}
