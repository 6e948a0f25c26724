using System;
using System.Management.Automation;

namespace ZkSync.Demo
{
    /// <summary>Passes command-line words to the script as pwsh would: "-Name value" pairs, "-Switch" alone, other
    /// words positionally.</summary>
    internal static class ScriptArguments
    {
        public static void Apply(PowerShell ps, string[] words)
        {
            for (int i = 0; i < words.Length; i++)
            {
                string word = words[i];
                if (word.Length > 1 && word[0] == '-' && !char.IsDigit(word[1]))
                {
                    string name = word.Substring(1).TrimEnd(':');
                    bool hasValue =
                        i + 1 < words.Length
                        && !(words[i + 1].StartsWith('-') && words[i + 1].Length > 1 && !char.IsDigit(words[i + 1][1]));
                    if (hasValue)
                        ps.AddParameter(name, words[++i]);
                    else
                        ps.AddParameter(name);
                }
                else
                {
                    ps.AddArgument(word);
                }
            }
        }
    }
}
