using System.Collections.Generic;
using ZkSync.Sync;

namespace ZkSync.PowerShell
{
    /// <summary>What Copy-ZkUser, Sync-ZkDevice, Import-ZkDevice and Compare-ZkDevice -Include cover with each user.</summary>
    public enum ZkCopyItem
    {
        Users,
        Fingerprints,
        Faces,
        Photos,
    }

    internal static class ZkCopyItems
    {
        public static readonly ZkCopyItem[] All = { ZkCopyItem.Users, ZkCopyItem.Fingerprints, ZkCopyItem.Faces, ZkCopyItem.Photos };

        /// <summary>The engine's kinds for an -Include list.</summary>
        public static SyncDataKinds ToKinds(this IEnumerable<ZkCopyItem> items)
        {
            var kinds = SyncDataKinds.None;
            foreach (ZkCopyItem item in items)
            {
                kinds |= item switch
                {
                    ZkCopyItem.Users => SyncDataKinds.Users,
                    ZkCopyItem.Fingerprints => SyncDataKinds.Fingerprints,
                    ZkCopyItem.Faces => SyncDataKinds.Faces,
                    _ => SyncDataKinds.Photos,
                };
            }
            return kinds;
        }
    }
}
