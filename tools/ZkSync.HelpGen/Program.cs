using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ZkSync.HelpGen
{
    /// <summary>
    /// zkhelpgen &lt;docs/en-US&gt; &lt;out/ZkSync/en-US&gt; &lt;Assembly.dll&gt;: writes &lt;Assembly.dll&gt;-Help.xml
    /// from every Verb-Noun.md, and about_*.help.txt from every about_*.md. Runs at build time so the shipped help
    /// always matches the markdown.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine(
                    "usage: ZkSync.HelpGen <markdown dir> <output dir> <module assembly file name>"
                );
                return 2;
            }

            try
            {
                Generate(args[0], args[1], args[2]);
                return 0;
            }
            catch (Exception exception) when (exception is FormatException || exception is IOException)
            {
                // MSBuild shows "error:" lines as build errors, with the file named in the message.
                Console.Error.WriteLine("error: " + exception.Message);
                return 1;
            }
        }

        public static void Generate(string docs, string output, string assemblyFileName)
        {
            Directory.CreateDirectory(output);
            var commands = Directory.GetFiles(docs, "*-*.md").OrderBy(f => f, StringComparer.Ordinal)
                .Select(MarkdownHelpReader.ReadFile).ToList();
            MamlWriter.Write(commands).Save(Path.Combine(output, assemblyFileName + "-Help.xml"));

            foreach (string about in Directory.GetFiles(docs, "about_*.md"))
            {
                string topic = Path.GetFileNameWithoutExtension(about);
                File.WriteAllText(
                    Path.Combine(output, topic + ".help.txt"),
                    AboutText.FromMarkdown(File.ReadAllText(about)),
                    new UTF8Encoding(false)
                );
            }
        }
    }
}
