using System;
using System.Collections.Generic;
using System.Linq;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>
    /// Users a cmdlet acts on once, at the end of the pipeline, grouped by source: the ones named with -UserId or
    /// piped in (by property name, from Get-ZkUser). Nothing named and nothing piped means every user; an empty
    /// pipeline means nobody, so a filter that matches nothing never turns into "everyone".
    /// </summary>
    /// <typeparam name="TSource">What users are read from (a session, a backup file), grouped by equality.</typeparam>
    internal sealed class UserScope<TSource> where TSource : class
    {
        private readonly List<(TSource Source, string? UserId)> _requested = new List<(TSource, string?)>();

        public bool IsEmpty => _requested.Count == 0;

        /// <param name="expectingInput">The command is fed by a pipeline (then no -UserId means no user yet).</param>
        public void Add(TSource source, string[]? userIds, bool expectingInput)
        {
            if (userIds != null) foreach (string id in userIds) _requested.Add((source, id));
            else if (!expectingInput) _requested.Add((source, null));
        }

        /// <summary>Each source with its user ids; null means every user.</summary>
        public IEnumerable<(TSource Source, IReadOnlyList<string>? UserIds)> BySource() =>
            _requested.GroupBy(r => r.Source).Select(group => (group.Key, group.Any(r => r.UserId == null)
                ? null
                : (IReadOnlyList<string>)group.Select(r => r.UserId!).Distinct(StringComparer.Ordinal).ToList()));
    }
}
