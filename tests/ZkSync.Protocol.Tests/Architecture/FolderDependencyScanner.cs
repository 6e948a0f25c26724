using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ZkSync.Protocol.Tests.Architecture
{
    /// <summary>One use of a type declared in another folder: <c>From</c> names <c>TypeName</c>, declared in
    /// <c>To</c>.</summary>
    public sealed record FolderDependency(string From, string To, string TypeName, string File);

    /// <summary>
    /// Finds which engine folders use which, from the source itself: every type declared in a folder, then every file's
    /// identifiers (comments and string literals removed) that name a type declared in another folder. This catches a
    /// fully qualified name as well as a <c>using</c>, which is why it reads identifiers rather than using directives.
    /// </summary>
    public static class FolderDependencyScanner
    {
        private static readonly Regex Declaration = new Regex(
            @"\b(?:class|struct|interface|enum|record)\s+([A-Z]\w*)",
            RegexOptions.Compiled
        );
        private static readonly Regex Identifier = new Regex(@"\b[A-Z]\w*", RegexOptions.Compiled);
        private static readonly Regex CommentsAndStrings = new Regex(
            @"//[^\n]*|/\*.*?\*/|@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)*'",
            RegexOptions.Compiled | RegexOptions.Singleline
        );

        /// <summary>Sources keyed by path relative to the project folder ("Client/ZkDeviceClient.cs").</summary>
        public static IReadOnlyList<FolderDependency> Scan(IReadOnlyDictionary<string, string> sources)
        {
            var code = sources.ToDictionary(s => s.Key, s => CommentsAndStrings.Replace(s.Value, " "));
            var declaredIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var file in code)
            {
                foreach (Match m in Declaration.Matches(file.Value))
                {
                    if (!IsTopLevel(file.Value, m.Index)) continue; // a nested type is reached through its outer type
                    if (!declaredIn.TryGetValue(m.Groups[1].Value, out var folders))
                        declaredIn[m.Groups[1].Value] = folders = new HashSet<string>(StringComparer.Ordinal);
                    folders.Add(FolderOf(file.Key));
                }
            }

            var found = new List<FolderDependency>();
            foreach (var file in code)
            {
                string from = FolderOf(file.Key);
                var names = Identifier.Matches(file.Value).Select(m => m.Value).Distinct(StringComparer.Ordinal);
                foreach (string name in names)
                {
                    // A name also declared in the file's own folder means that type, not the other folder's.
                    if (!declaredIn.TryGetValue(name, out var folders) || folders.Contains(from)) continue;
                    found.AddRange(folders.Select(to => new FolderDependency(from, to, name, file.Key)));
                }
            }

            return found;
        }

        /// <summary>Whether a declaration sits directly in a namespace (block-scoped or file-scoped), not in a
        /// type.</summary>
        private static bool IsTopLevel(string code, int position)
        {
            int depth = 0;
            for (int i = 0; i < position; i++)
            {
                if (code[i] == '{') depth++;
                else if (code[i] == '}') depth--;
            }

            bool fileScoped = Regex.IsMatch(code, @"^\s*namespace\s+[\w.]+\s*;", RegexOptions.Multiline);
            return depth == (fileScoped ? 0 : 1);
        }

        /// <summary>Every .cs file of a project folder, bin and obj left out.</summary>
        public static IReadOnlyDictionary<string, string> ReadProject(string projectDirectory)
        {
            return Directory
                .EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(projectDirectory, path).Replace('\\', '/'))
                .Where(relative =>
                    !relative.StartsWith("bin/", StringComparison.Ordinal)
                    && !relative.StartsWith("obj/", StringComparison.Ordinal)
                )
                .ToDictionary(
                    relative => relative,
                    relative => File.ReadAllText(Path.Combine(projectDirectory, relative))
                );
        }

        /// <summary>The top folder of a relative path; files at the project root belong to the folder "".</summary>
        public static string FolderOf(string relativePath)
        {
            int slash = relativePath.IndexOf('/');
            return slash < 0 ? "" : relativePath.Substring(0, slash);
        }
    }
}
