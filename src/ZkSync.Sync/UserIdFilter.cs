using System;
using System.Collections.Generic;
using System.Linq;

namespace ZkSync.Sync
{
    /// <summary>
    /// Include/exclude filter on user ids: each entry is an exact id or a wildcard pattern with <c>*</c> (any run) and
    /// <c>?</c> (one character), matched case-sensitively like the device does. No includes = everyone.
    /// </summary>
    public sealed class UserIdFilter
    {
        private static readonly char[] Wildcards = { '*', '?' };

        private readonly string[] _include;
        private readonly string[] _exclude;

        public UserIdFilter(IEnumerable<string>? include, IEnumerable<string>? exclude = null)
        {
            _include = Clean(include);
            _exclude = Clean(exclude);
        }

        public static UserIdFilter From(SyncOptions options) =>
            new UserIdFilter(options.UserIds, options.ExcludeUserIds);

        /// <summary>Include entries without wildcards: ids the caller named explicitly (reported when found
        /// nowhere).</summary>
        public IEnumerable<string> ExactIds => _include.Where(p => !IsPattern(p) && !_exclude.Any(x => Matches(x, p)));

        public bool Includes(string userId) =>
            (_include.Length == 0 || _include.Any(p => Matches(p, userId))) && !_exclude.Any(p => Matches(p, userId));

        public static bool IsPattern(string s) => s.IndexOfAny(Wildcards) >= 0;

        /// <summary>Wildcard match, iterative with backtracking to the last star (linear in practice).</summary>
        public static bool Matches(string pattern, string text)
        {
            int p = 0,
                t = 0,
                star = -1,
                mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = t;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++mark;
                }
                else
                    return false;
            }
            while (p < pattern.Length && pattern[p] == '*')
                p++;
            return p == pattern.Length;
        }

        private static string[] Clean(IEnumerable<string>? list) =>
            list == null
                ? Array.Empty<string>()
                : list.Where(s => !string.IsNullOrWhiteSpace(s))
                    .Select(s => s.Trim())
                    .Distinct(StringComparer.Ordinal)
                    .ToArray();
    }
}
