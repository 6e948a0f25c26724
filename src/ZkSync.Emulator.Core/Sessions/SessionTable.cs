using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ZkSync.Emulator.Core.Sessions
{
    /// <summary>
    /// Open sessions, unbounded as firmware's table (FW commu.c CreateSession) unless a limit is set. Ids are the low
    /// 16 bits of Unix time, made unique (CreateSession).
    /// </summary>
    internal sealed class SessionTable
    {
        private readonly Dictionary<ushort, ClientSession> _sessions = new Dictionary<ushort, ClientSession>();
        private readonly int _max;
        private readonly TimeSpan _udpIdle;
        private readonly TimeSpan _orphanTimeout;

        /// <param name="max">Slots; 0 = no limit.</param>
        public SessionTable(int max, TimeSpan udpIdle, TimeSpan orphanTimeout)
        {
            _max = max > 0 ? max : int.MaxValue;
            _udpIdle = udpIdle;
            _orphanTimeout = orphanTimeout;
        }

        public int Count => _sessions.Count;

        public IReadOnlyList<ClientSession> All => _sessions.Values.ToList();

        public ClientSession? Find(ushort id) => _sessions.TryGetValue(id, out var s) ? s : null;

        /// <summary>Sessions whose TCP connection ended without CMD_EXIT and that still hold their slot.</summary>
        public int Orphans => _sessions.Values.Count(s => s.Orphaned);

        /// <summary>
        /// Opens a session, or returns null when every slot is taken (after evicting UDP sessions silent too long and
        /// orphaned TCP sessions older than the orphan timeout).
        /// </summary>
        public ClientSession? Open(EmulatorTransport transport, ushort connectReplyId, DateTime now)
        {
            if (_sessions.Count >= _max)
            {
                foreach (var idle in _sessions.Values.Where(s => Expired(s, now)).ToList())
                    _sessions.Remove(idle.Id);
            }
            if (_sessions.Count >= _max)
                return null;
            ushort id = unchecked((ushort)DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            // Firmware re-reads the clock until the id differs from every open one; several connects within one second
            // step on.
            while (id == 0 || _sessions.ContainsKey(id))
                id = unchecked((ushort)(id + 1));
            var session = new ClientSession(id, transport, connectReplyId, now);
            _sessions[id] = session;
            return session;
        }

        /// <summary>
        /// Closes this session. By identity, not by id alone: once a session is gone its id can be handed to the next
        /// CONNECT within the same second, and a late close of the old one must not end the new one.
        /// </summary>
        public bool Close(ClientSession session) =>
            _sessions.TryGetValue(session.Id, out var open)
            && ReferenceEquals(open, session)
            && _sessions.Remove(session.Id);

        public void Clear() => _sessions.Clear();

        private bool Expired(ClientSession session, DateTime now) =>
            session.Orphaned
                ? _orphanTimeout != Timeout.InfiniteTimeSpan && now - session.LastActivity >= _orphanTimeout
                : session.Transport == EmulatorTransport.Udp && now - session.LastActivity > _udpIdle;
    }
}
