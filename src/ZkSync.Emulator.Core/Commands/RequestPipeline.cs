using System;
using System.Net;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Faults;
using ZkSync.Emulator.Core.Sessions;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>
    /// The single place every incoming packet goes through, for both transports: checksum, session, reply-id and
    /// authentication rules of firmware RunCommand, then one command executed under the device lock, then the reply
    /// cached. (Hook point for the link model and fault injection: requests in here, replies out through the
    /// transports' senders.)
    /// </summary>
    internal sealed class RequestPipeline
    {
        private readonly DeviceState _state;
        private readonly SessionTable _sessions;
        private readonly EmulatorOptions _options;
        private readonly EmulatorLog _log;
        private readonly DeviceCounters _counters;
        private readonly FaultInjector _faults;

        internal RequestPipeline(
            DeviceState state,
            SessionTable sessions,
            EmulatorOptions options,
            EmulatorLog log,
            DeviceCounters counters,
            FaultInjector faults
        )
        {
            _faults = faults;
            _state = state;
            _sessions = sessions;
            _options = options;
            _log = log;
            _counters = counters;
        }

        /// <summary>
        /// Handles one packet. <paramref name="bound"/> is the TCP connection's session (null on UDP or before
        /// CONNECT); <paramref name="session"/> returns the session the reply belongs to (the new one after a CONNECT).
        /// </summary>
        public Reply Handle(
            EmulatorTransport transport,
            byte[] raw,
            int offset,
            int count,
            ClientSession? bound,
            EndPoint? udpPeer,
            out ClientSession? session
        )
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
                if (
                    session == null
                    || session.Id != request.SessionId
                    || session.Transport != transport
                    || _sessions.Find(session.Id) != session
                )
                    return Drop($"{transport}: {request} dropped: unknown session");
                session.LastActivity = DateTime.UtcNow;
                if (udpPeer != null)
                    session.UdpPeer = udpPeer;

                // A client's acknowledgement of an event: firmware sends nothing back.
                if (request.Command == ReplyCode.Ok)
                    return Reply.Silent;

                if (request.ReplyId == session.LastReplyId && session.CachedFinal != null)
                {
                    _counters.Retransmit();
                    _log.Add($"{session}: {request} is a retransmission; cached final reply re-sent");
                    return Reply.One(session.CachedFinal);
                }
                if (!ReplyIds.IsNewer(request.ReplyId, session.LastReplyId))
                    return Drop($"{session}: {request} dropped: reply id lower than {session.LastReplyId}");

                int usersHeld = _state.UserCount, templatesHeld = _state.TemplateCount;
                var context = new CommandContext(session, request, _state, _options, _log);
                _faults.DamageUpload(context);
                Reply reply = NeedsAuth(session, request.Command)
                    ? context.Code(ReplyCode.Unauthorized)
                    : _faults.InjectedError(context) ?? _faults.AckAndDrop(context) ?? CommandRouter.Execute(context);
                RefreshTracker.Observe(_state, request.Command, reply);
                // Counted before the reply goes out, so a client that has its answer can already see it counted.
                if (reply.After == AfterReply.CloseSession) _counters.Exit();
                Remember(session, request, reply);
                ChargeDeviceTime(context, reply, usersHeld, templatesHeld);
                return reply;
            }
        }

        /// <summary>Device time of the request just executed under the timing model, owed before its reply is
        /// sent.</summary>
        private void ChargeDeviceTime(CommandContext context, Reply reply, int usersHeld, int templatesHeld)
        {
            if (_options.DeviceTiming == DeviceTimingMode.None)
                return;
            ushort command = context.Request.Command;
            bool stored = reply.Packets.Count > 0 && reply.Packets[0].Command == ReplyCode.Ok;
            int records =
                context.RecordsStored > 0 ? context.RecordsStored
                : stored
                && (
                    command == CommandCode.UserFaceWrite
                    || command == CommandCode.UserPhotoWrite
                    || command == CommandCode.UserTemplateExWrite
                )
                    ? 1
                : 0;
            var work = new DeviceWork(
                command,
                context.Payload.Length,
                context.TableRead,
                context.TableRecords,
                records,
                usersHeld,
                templatesHeld
            );
            double seconds = DeviceTimingModel.CostSeconds(_options.DeviceTiming, work);
            _counters.DeviceTime(seconds);
            context.Session.OwedDeviceSeconds += seconds;
        }

        /// <summary>Runs what a reply asks for once it has been sent (free a session, restart).</summary>
        public void AfterSent(Reply reply, ClientSession? session)
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

        /// <summary>The device restarts: every session is dropped (TCP connections closed), data kept, device
        /// enabled.</summary>
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

        /// <summary>Frees a session (EXIT, TCP connection closed). Firmware re-enables the device when the last session
        /// goes.</summary>
        public void CloseSession(ClientSession session, string why)
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

        /// <summary>
        /// The client closed or broke its TCP connection without CMD_EXIT. As firmware, the session keeps its slot
        /// (and a device it disabled stays disabled, unless its CMD_DISABLEDEVICE carried a timeout) until a restart,
        /// or until a CONNECT needs the slot after <see cref="EmulatorOptions.OrphanSessionTimeout"/>; with
        /// <see cref="EmulatorOptions.FreeSessionOnDisconnect"/> it ends now.
        /// </summary>
        public void ConnectionLost(ClientSession session)
        {
            lock (_state.Sync)
            {
                if (_sessions.Find(session.Id) == session) _counters.LeftWithoutExitOnce();
                if (!_options.KeepsOrphanedSessions || _sessions.Find(session.Id) != session)
                {
                    CloseSession(session, "connection closed");
                    return;
                }
                session.Orphaned = true;
                session.CloseTransport = null;
                session.LastActivity = DateTime.UtcNow;
                _log.Add(
                    _options.OrphanSessionTimeout == System.Threading.Timeout.InfiniteTimeSpan
                        ? $"{session}: connection closed without CMD_EXIT; the session stays (as firmware) until a "
                            + "restart"
                        : $"{session}: connection closed without CMD_EXIT; the slot stays taken for "
                            + $"{_options.OrphanSessionTimeout.TotalSeconds:0.###} s"
                );
            }
        }

        private Reply Connect(
            EmulatorTransport transport,
            Packet request,
            ClientSession? bound,
            EndPoint? udpPeer,
            out ClientSession? session
        )
        {
            session = bound ?? SessionOfUdpSender(transport, udpPeer);
            if (session == null)
            {
                int before = _sessions.Count;
                session = _sessions.Open(transport, request.ReplyId, DateTime.UtcNow);
                if (_sessions.Count <= before && session != null && _sessions.Count == 1 && _state.Disabled)
                {
                    // Every other session was evicted: firmware re-enables the device when its last session goes.
                    _state.Disabled = false;
                    _log.Add("stale sessions dropped: device enabled again");
                }
                if (session == null)
                {
                    _counters.SlotsFullRefusal();
                    _log.Add($"{transport}: CONNECT refused: all {_options.MaxSessions} session slots are taken");
                    return Reply.One(new Packet(ReplyCode.Error, 0, request.ReplyId), AfterReply.CloseTransport);
                }
                session.UdpPeer = udpPeer;
                _log.Add($"{session} opened");
            }
            // A second CONNECT on the same TCP connection keeps the session id (zk-protocol observation).
            session.Authenticated = _options.CommKey == 0 && !_options.AnswerConnectWith6001;
            ushort code = _options.AnswerConnectWith6001 ? ReplyCode.NewFirmwareConnect
                : session.Authenticated && !_state.Profile.UnauthOnConnect ? ReplyCode.Ok : ReplyCode.Unauthorized;
            var reply = Reply.One(new Packet(code, session.Id, request.ReplyId));
            Remember(session, request, reply);
            return reply;
        }

        /// <summary>
        /// A CONNECT over UDP from an address that already has a session (its CONNECT reply was lost and it asked
        /// again)
        /// gets that session back, started afresh: firmware's CreateSession looks the sender up first (fp-firmware
        /// commu.c CreateSession), so a lost reply never costs a slot.
        /// </summary>
        private ClientSession? SessionOfUdpSender(EmulatorTransport transport, EndPoint? udpPeer)
        {
            if (transport != EmulatorTransport.Udp || udpPeer == null) return null;
            foreach (var open in _sessions.All)
            {
                if (open.Transport != EmulatorTransport.Udp || !udpPeer.Equals(open.UdpPeer)) continue;
                _log.Add($"{open}: CONNECT again from {udpPeer}; the sender's session starts afresh");
                open.Upload = null;
                open.ReadBuffer = null;
                return open;
            }
            return null;
        }

        private bool NeedsAuth(ClientSession session, ushort command) =>
            !session.Authenticated
            && command != CommandCode.Auth
            && (_options.CommKey != 0 || _options.AnswerConnectWith6001);

        private static void Remember(ClientSession session, Packet request, Reply reply)
        {
            session.LastReplyId = request.ReplyId;
            if (reply.Packets.Count > 0)
                session.CachedFinal = reply.Packets[reply.Packets.Count - 1];
        }

        private Reply Drop(string why)
        {
            _counters.Drop();
            _log.Add(why);
            return Reply.Silent;
        }
    }
}
