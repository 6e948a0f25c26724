using System;

namespace ZkSync.Sync
{
    /// <summary>What a sync, copy or compare covers. Users are the identity; the other kinds hang off a user
    /// id.</summary>
    [Flags]
    public enum SyncDataKinds
    {
        None = 0,
        Users = 1,
        Fingerprints = 2,
        Faces = 4,
        Photos = 8,
        All = Users | Fingerprints | Faces | Photos,
    }

    /// <summary>The single kinds, in the order they are processed and reported.</summary>
    public static class SyncDataKind
    {
        public static readonly SyncDataKinds[] Each =
        {
            SyncDataKinds.Users,
            SyncDataKinds.Fingerprints,
            SyncDataKinds.Faces,
            SyncDataKinds.Photos,
        };

        public static bool Has(this SyncDataKinds set, SyncDataKinds kind) =>
            (set & kind) == kind && kind != SyncDataKinds.None;
    }
}
