using System;
using ZkSync.Protocol.Errors;

namespace ZkSync.Sync
{
    /// <summary>Which failures belong to one item and which end a destination's run.</summary>
    internal static class SyncErrors
    {
        /// <summary>
        /// The device refused this one thing (error reply, invalid data, unsupported, full): record it on the item and
        /// go on. Lost connections, timeouts, garbled replies and bugs end the destination's run.
        /// </summary>
        public static bool IsItemLevel(Exception ex) =>
            ex is ZkDeviceErrorException
            || ex is ZkInvalidDataException
            || ex is ZkNotSupportedException
            || ex is ZkCapacityException;
    }
}
