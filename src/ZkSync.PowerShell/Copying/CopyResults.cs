using ZkSync.Sync;

namespace ZkSync.PowerShell.Copying
{
    /// <summary>The sync engine's per-user results in the Copy-Zk* shape (Copied, Updated, Skipped, Failed).</summary>
    internal static class CopyResults
    {
        /// <summary>A result that, in WhatIf mode, means something would be written.</summary>
        public static bool WouldWrite(SyncItemResult item) =>
            item.Status == SyncItemStatus.Succeeded
            && (item.Action == SyncAction.Added || item.Action == SyncAction.Updated);

        public static ZkCopyResult From(SyncItemResult item, string source, string destination, SyncDataKinds kinds)
        {
            var result = new ZkSyncResult(item, source, destination);
            // Without Users the engine skips a user the destination lacks; for a copy that was asked for, that is a
            // failure.
            if (
                item.Action == SyncAction.Added
                && item.Status == SyncItemStatus.Skipped
                && !kinds.Has(SyncDataKinds.Users)
            )
                return new ZkCopyResult(
                    result,
                    ZkCopyStatus.Failed,
                    $"User {item.UserId} is not on {destination}; copy the user with Copy-ZkUser first"
                );

            ZkCopyStatus status =
                item.Status == SyncItemStatus.Failed ? ZkCopyStatus.Failed
                : item.Status == SyncItemStatus.Skipped ? ZkCopyStatus.Skipped
                : item.Action == SyncAction.Added ? ZkCopyStatus.Copied
                : item.Action == SyncAction.Updated ? ZkCopyStatus.Updated
                : ZkCopyStatus.Skipped;
            string notes = item.Notes.Length == 0 && status == ZkCopyStatus.Skipped ? "Already identical" : item.Notes;
            return new ZkCopyResult(result, status, notes);
        }
    }
}
