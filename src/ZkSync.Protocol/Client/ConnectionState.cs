using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Client
{
    /// <summary>
    /// What a <see cref="ZkDeviceClient"/> knows that holds for its current connection, in one place. A lost
    /// connection's replacement gets a new one from <see cref="Reconnected"/>, which says field by field what carries
    /// over and why.
    /// </summary>
    internal sealed class ConnectionState
    {
        public ConnectionState(ProtocolSession session) => Session = session;

        public ProtocolSession Session { get; }

        /// <summary>
        /// The user table as this connection last read it (null: read it when next needed). Not carried over: a write
        /// cut off with the old connection may have changed the table.
        /// </summary>
        public UserTable? Users { get; set; }

        /// <summary>
        /// The device holds a consumed upload buffer of this connection (released before enabling and before EXIT). Not
        /// carried over: the device frees it with the connection.
        /// </summary>
        public bool BufferHeld { get; set; }

        /// <summary>
        /// The client disabled the device for writes and has not sent the enable yet. Carried over: a reconnect in the
        /// middle of a write disables the device again (firmware re-enabled it when the old connection's session
        /// ended); once the enable was sent, whatever its fate, a kept session never disables the device again by
        /// itself.
        /// </summary>
        public bool DisabledForWrites { get; set; }

        /// <summary>
        /// Writes made while disabled that no 1013 has followed yet. Carried over: the device still owes the reload.
        /// </summary>
        public int WritesOwed { get; set; }

        /// <summary>The state of a new connection that replaces this one.</summary>
        public ConnectionState Reconnected(ProtocolSession session) =>
            new ConnectionState(session) { DisabledForWrites = DisabledForWrites, WritesOwed = WritesOwed };
    }
}
