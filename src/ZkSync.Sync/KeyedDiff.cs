using System;
using System.Collections.Generic;
using System.Linq;

namespace ZkSync.Sync
{
    /// <summary>
    /// Differences between a source's and a destination's records of one kind for one user, matched by key (finger
    /// index, FaceID). <see cref="Missing"/> are source records the destination lacks or holds differently (to write);
    /// <see cref="Extra"/> are destination records the source does not have (removed only by Mirror).
    /// </summary>
    public sealed class KeyedDiff<T>
    {
        public List<T> Missing { get; } = new List<T>();
        public List<T> Extra { get; } = new List<T>();
        public List<string> MissingDetails { get; } = new List<string>();
        public List<string> ExtraDetails { get; } = new List<string>();

        /// <summary>Every difference, source-side first.</summary>
        public IEnumerable<string> Details => MissingDetails.Concat(ExtraDetails);

        public bool IsEqual => Missing.Count == 0 && Extra.Count == 0;
    }

    /// <summary>Builds <see cref="KeyedDiff{T}"/> (a static on the generic type would need its type argument spelled
    /// out).</summary>
    public static class KeyedDiff
    {
        /// <param name="what">Names a record by key for messages, e.g. "finger 2".</param>
        /// <param name="part">Names what differs when keys match, e.g. "template of finger 2".</param>
        public static KeyedDiff<T> Compare<T>(
            IEnumerable<T> source,
            IEnumerable<T> destination,
            Func<T, int> key,
            Func<T, T, bool> equal,
            Func<int, string> what,
            Func<int, string> part
        )
        {
            var diff = new KeyedDiff<T>();
            var dest = new Dictionary<int, T>();
            foreach (var d in destination)
                dest[key(d)] = d;
            var seen = new HashSet<int>();
            foreach (var s in source.OrderBy(key))
            {
                int k = key(s);
                seen.Add(k);
                if (!dest.TryGetValue(k, out var d))
                {
                    diff.Missing.Add(s);
                    diff.MissingDetails.Add($"{what(k)} missing");
                }
                else if (!equal(s, d))
                {
                    diff.Missing.Add(s);
                    diff.MissingDetails.Add($"{part(k)} differs");
                }
            }
            foreach (var kv in dest.OrderBy(kv => kv.Key))
            {
                if (seen.Contains(kv.Key)) continue;
                diff.Extra.Add(kv.Value);
                diff.ExtraDetails.Add($"{what(kv.Key)} only on the destination");
            }
            return diff;
        }
    }
}
