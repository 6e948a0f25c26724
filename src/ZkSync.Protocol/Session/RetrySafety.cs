namespace ZkSync.Protocol.Session
{
    /// <summary>Whether an operation may run again on a new session after its connection was lost or it timed
    /// out.</summary>
    internal enum RetrySafety
    {
        /// <summary>Reads: always repeated.</summary>
        Read,

        /// <summary>
        /// Writes whose repetition leaves the device as one run would: upserts of the same content (user, batch op 2,
        /// face blob, photo), enable/disable, and deletes that treat "not found" on a repeat as done (<see
        /// cref="ZkExchange.IsRetry"/>).
        /// </summary>
        Idempotent,

        /// <summary>Never repeated (clearing the attendance log again could erase punches made in between): reported as
        /// unknown outcome.</summary>
        Once,
    }
}
