using System;
using System.Net;
using ZkSync.Emulator.Device;
using ZkSync.Emulator.Faults;
using ZkSync.Emulator.Sessions;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Commands
{
    /// <summary>
    /// The single place every incoming packet goes through, for both transports: checksum, session, reply-id and
    /// authentication rules of firmware RunCommand, then one command executed under the device lock, then the reply cached.
    /// (Hook point for the link model and fault injection: requests in here, replies out through the transports' senders.)
    /// </summary>
    internal sealed class RequestPipeline
    {
        private readonly DeviceState _state;
        private readonly SessionTable _sessions;
        private readonly EmulatorOptions _options;
        private readonly EmulatorLog _log;
        private readonly DeviceCounters _counters;
        private readonly FaultInjector _faults;

        internal RequestPipeline(DeviceState state, SessionTable sessions, EmulatorOptions options, EmulatorLog log, DeviceCounters counters, FaultInjector faults)
        {
            _faults = faults;
            _state = state;
            _sessions = sessions;
            _options = options;
            _log = log;
            _counters = counters;
        }

        /// <summary>
        /// Handles one packet. <paramref name="bound"/> is the TCP connection's session (null on UDP or before CONNECT);
        /// <paramref name="session"/> returns the session the reply belongs to (the new one after a CONNECT).
        /// </summary>
        public Reply Handle(EmulatorTransport transport, byte[] raw, int offset, int count, Session? bound, EndPoint? udpPeer, out Session? session)
        {
            session = bound;
            if (!Packet.TryDecode(raw, offset, count, out var request, out bool checksumValid))
                return Drop($"{transport}: {count}-byte packet is shorter than a header");
            if (!checksumValid)
                return Drop($"{transport}: {request} dropped: bad checksum 0x{request.Checksum:X4}");

            lock (_state.Sync)
            {
                if (request.Command == CommandCode.Connect)
                    return Connect(transport, request, bound, udpPeer, out session);

                session = transport == EmulatorTransport.Tcp ? bound : _sessions.Find(request.SessionId);
                if (session == null || session.Id != request.SessionId || session.Transport != transport || _sessions.Find(session.Id) != session)
                    return Drop($"{transport}: {request} dropped: unknown session");
                session.LastActivity = DateTime.UtcNow;
                if (udpPeer != null) session.UdpPeer = udpPeer;

                // A client's acknowledgement of an event: firmware sends nothing back.
                if (request.Command == ReplyCode.Ok) return Reply.Silent;

                if (request.ReplyId == session.LastReplyId && session.CachedFinal != null)
                {
                    _counters.Retransmit();
                    _log.Add($"{session}: {request} is a retransmission; cached final reply re-sent");
                    return Reply.One(session.CachedFinal);
                }
                if (!ReplyIds.IsNewer(request.ReplyId, session.LastReplyId))
                    return Drop($"{session}: {request} dropped: reply id lower than {session.LastReplyId}");

                var context = new CommandContext(session, request, _state, _options, _log);
                Reply reply = NeedsAuth(session, request.Command)
                    ? context.Code(ReplyCode.Unauthorized)
                    : _faults.InjectedError(context) ?? CommandRouter.Execute(context);
                RefreshTracker.Observe(_state, request.Command, reply);
                Remember(session, request, reply);
                return reply;
            }
        }

        /// <summary>Runs what a reply asks for once it has been sent (free a session, restart).</summary>
        public void AfterSent(Reply reply, Session? session)
        {
            lock (_state.Sync)
            {
                switch (reply.After)
                {
                    case AfterReply.CloseSession when session != null:
                        CloseSession(session, "CMD_EXIT");
                        break;
                    case AfterReply.Restart:
                        Restart("CMD_RESTART");
                        break;
                }
            }
        }

        /// <summary>The device restarts: every session is dropped (TCP connections closed), data kept, device enabled.</summary>
        public void Restart(string why)
        {
            lock (_state.Sync)
            {
                _log.Add($"device restarts ({why}): every session dropped, data kept");
                foreach (var s in _sessions.All) s.CloseTransport?.Invoke();
                _sessions.Clear();
                _state.Disabled = false;
                _state.RefreshPending = false; // a restart loads everything afresh
            }
        }

        /// <summary>Frees a session (EXIT, TCP connection closed). Firmware re-enables the device when the last session goes.</summary>
        public void CloseSession(Session session, string why)
        {
            lock (_state.Sync)
            {
                if (!_sessions.Close(session)) return;
                _log.Add($"{session} closed ({why})");
                if (_sessions.Count == 0 && _state.Disabled)
                {
                    _state.Disabled = false;
                    _log.Add("last session closed: device enabled again");
                }
                session.CloseTransport?.Invoke();
            }
        }

        private Reply Connect(EmulatorTransport transport, Packet request, Session? bound, EndPoint? udpPeer, out Session? session)
        {
            session = bound;
            if (session == null)
            {
                session = _sessions.Open(transport, request.ReplyId, DateTime.UtcNow);
                if (session == null)
                {
                    _log.Add($"{transport}: CONNECT refused: all {_options.MaxSessions} session slots are taken");
                    return Reply.One(new Packet(ReplyCode.Error, 0, request.ReplyId), AfterReply.CloseTransport);
                }
                session.UdpPeer = udpPeer;
                _log.Add($"{session} opened");
            }
            // A second CONNECT on the same TCP connection keeps the session id (zk-protocol observation).
            session.Authenticated = _options.CommKey == 0;
            var reply = Reply.One(new Packet(session.Authenticated ? ReplyCode.Ok : ReplyCode.Unauthorized, session.Id, request.ReplyId));
            Remember(session, request, reply);
            return reply;
        }

        private bool NeedsAuth(Session session, ushort command) =>
            !session.Authenticated && command != CommandCode.Auth && _options.CommKey != 0;

        private static void Remember(Session session, Packet request, Reply reply)
        {
            session.LastReplyId = request.ReplyId;
            if (reply.Packets.Count > 0) session.CachedFinal = reply.Packets[reply.Packets.Count - 1];
        }

        private Reply Drop(string why)
        {
            _counters.Drop();
            _log.Add(why);
            return Reply.Silent;
        }
    }
}
