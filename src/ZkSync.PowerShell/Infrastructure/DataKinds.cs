using System.Collections.Generic;
using ZkSync.Sync;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>
    /// -Include takes the engine's own <see cref="SyncDataKinds"/> as a list, limited by ValidateSet to the four single
    /// kinds (the values it has always taken; tab completion offers those).
    /// </summary>
    internal static class DataKinds
    {
        public static readonly SyncDataKinds[] All = SyncDataKind.Each;

        /// <summary>The kinds of an -Include list, as one set.</summary>
        public static SyncDataKinds ToKinds(this IEnumerable<SyncDataKinds> include)
        {
            var kinds = SyncDataKinds.None;
            foreach (SyncDataKinds kind in include) kinds |= kind;
            return kinds;
        }
    }
}
