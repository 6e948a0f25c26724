using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Transport;

namespace ZkSync.Protocol.Session
{
    /// <summary>
    /// One protocol session over one transport: connect and authenticate, number requests, match replies, skip events,
    /// stale and corrupt packets, re-send on UDP, and keep exactly one command (or multi-packet exchange) in flight.
    /// </summary>
    internal sealed class ProtocolSession : IDisposable
    {
        private readonly IZkTransport _transport;
        private readonly ZkConnectionOptions _options;
        private readonly ILogger _logger;
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);

        /// <summary>Since the last packet from the device: how long the device has been waiting for our next
        /// request.</summary>
        private readonly System.Diagnostics.Stopwatch _sinceLastReply = System.Diagnostics.Stopwatch.StartNew();

        /// <summary>Retransmission timers learned from this session's replies (UDP re-sends and stalled
        /// streams).</summary>
        internal RetransmissionTimer Timers { get; } = new RetransmissionTimer();

        /// <summary>Reply id of the last request; starts so that CMD_CONNECT carries 0.</summary>
        private ushort _lastReplyId = ushort.MaxValue;

        public ProtocolSession(
            IZkTransport transport,
            ZkConnectionOptions options,
            ILogger logger,
            ZkTrafficCounters traffic
        )
        {
            _transport = transport;
            _options = options;
            _logger = logger;
            Traffic = traffic;
            Device = TransportFactory.DeviceName(options, transport.Kind);
        }

        public string Device { get; }
        public ushort SessionId { get; private set; }
        public ZkTrafficCounters Traffic { get; }
        public bool IsOpen => _transport.IsOpen;
        public ZkTransportKind TransportKind => _transport.Kind;
        public ZkConnectionOptions Options => _options;

        /// <summary>
        /// How long the device has heard nothing from us (NAT and firewall idle timeouts close silent TCP connections).
        /// </summary>
        public TimeSpan IdleFor => _sinceLastReply.Elapsed;

        /// <summary>True when the device has already closed the connection (checked without sending; TCP
        /// only).</summary>
        public bool PeerClosed() => _transport.PeerClosed();

        /// <summary>Test hook and upload planning: the reply id the last request used.</summary>
        internal ushort LastReplyId
        {
            get => _lastReplyId;
            set => _lastReplyId = value;
        }

        /// <summary>
        /// CMD_CONNECT, then CMD_AUTH whenever the device answers ACK_UNAUTH, with the key we have (0 when none was
        /// given): ZMM220_TFT terminals answer ACK_UNAUTH even with no key set and accept the AUTH derived from 0
        /// (pyzk's <c>connect()</c>; docs/protocol.md §2). Only a refused AUTH is an authentication error.
        /// </summary>
        public Task OpenAsync(CancellationToken cancellationToken) =>
            RunAsync(
                async exchange =>
                {
                    Packet reply;
                    try
                    {
                        reply = await exchange.RequestAsync(CommandCode.Connect).ConfigureAwait(false);
                    }
                    catch (ZkTimeoutException ex)
                    {
                        throw new ZkTimeoutException(
                            ex.Reason + " " + SessionRefusal.SilentConnectHint,
                            Device,
                            CommandCode.Connect,
                            ex
                        );
                    }
                    SessionId = reply.SessionId; // kept whatever the code, as the device expects it on CMD_AUTH too
                    if (reply.Command == ReplyCode.Ok)
                        return true;
                    if (reply.Command == ReplyCode.Error)
                        throw SessionRefusal.SlotsFull(Device);
                    bool newHandshake = reply.Command == ReplyCode.NewFirmwareConnect;
                    if (reply.Command != ReplyCode.Unauthorized && !newHandshake)
                        throw new ZkDeviceErrorException(
                            "The device refused the session",
                            reply.Command,
                            reply.SessionId,
                            Device,
                            CommandCode.Connect
                        );
                    _logger.ConnectAnswered(
                        Device,
                        reply.Command,
                        _options.CommKey == 0 ? "no comm key (0)" : "the comm key"
                    );
                    var auth = await exchange
                        .RequestAsync(CommandCode.Auth, CommKey.Derive(_options.CommKey, SessionId))
                        .ConfigureAwait(false);
                    if (auth.Command == ReplyCode.Ok)
                        return true;
                    if (newHandshake)
                        throw SessionRefusal.NewFirmwareHandshake(Device);
                    throw new ZkAuthenticationException(
                        _options.CommKey == 0
                            ? "The device requires a comm key: it refused CMD_AUTH without one (key 0). Pass the key "
                                + "set on the terminal (Comm. > PC Connection > Comm Key) with -CommKey."
                            : "The device refused the comm key (comm key refused). Check the key set on the terminal "
                                + "(Comm. > PC Connection > Comm Key) and pass it with -CommKey.",
                        Device,
                        CommandCode.Auth
                    );
                },
                cancellationToken
            );

        /// <summary>
        /// Runs <paramref name="body"/> with the connection to itself: nothing else is sent meanwhile. Cancelled midway
        /// (Ctrl+C), the exchange cannot be resumed: the device gets CMD_EXIT, so its session slot is freed, and the
        /// connection is closed (the client reconnects on its next call).
        /// </summary>
        public async Task<T> RunAsync<T>(
            Func<ZkExchange, Task<T>> body,
            CancellationToken cancellationToken,
            bool isRetry = false
        )
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await body(new ZkExchange(this, cancellationToken, isRetry)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && _transport.IsOpen)
            {
                _logger.CancelledEndingSession(Device);
                await SendExitAsync().ConfigureAwait(false);
                _transport.Close();
                throw;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>Sends CMD_EXIT (best effort, short wait) so the device frees the session slot, then
        /// closes.</summary>
        public async Task CloseAsync()
        {
            if (!_transport.IsOpen) return;
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await SendExitAsync().ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
            _transport.Close();
            _logger.Disconnected(Device);
        }

        /// <summary>CMD_EXIT with a short wait, never throwing; replies still owed to an interrupted exchange are
        /// skipped by reply id.</summary>
        private async Task SendExitAsync()
        {
            if (!_transport.IsOpen || _transport.PeerClosed()) return;
            var shortWait = TimeSpan.FromMilliseconds(Math.Min(_options.Timeout.TotalMilliseconds, 1000));
            using (var cts = new CancellationTokenSource(shortWait + shortWait))
            {
                try
                {
                    // Re-sent over UDP like any request: a lost CMD_EXIT would leave the slot taken (and a disabled
                    // device disabled).
                    await SendRequestAsync(CommandCode.Exit, null, shortWait, _options.Retries, cts.Token)
                        .ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ZkException || ex is OperationCanceledException)
                {
                    if (_logger.IsEnabled(LogLevel.Debug))
                        _logger.ExitNotAcknowledged(Device, ZkException.WithoutDevice(ex));
                }
            }
        }

        /// <summary>
        /// Closes without waiting for a goodbye (after a restart, or when the connection is broken or an exchange
        /// failed).
        /// TCP: closing ends the device's session. UDP has no connection to close, so two CMD_EXIT datagrams go out
        /// unanswered first: otherwise the slot stays taken, and a device this session disabled stays disabled, until
        /// the terminal drops the silent session.
        /// </summary>
        public void Abort()
        {
            if (_transport.Kind == ZkTransportKind.Udp && _transport.IsOpen)
            {
                _lastReplyId = ReplyIds.Next(_lastReplyId);
                var exit = new Packet(CommandCode.Exit, SessionId, _lastReplyId).Encode();
                // The same reply id twice: a lost first copy is covered, and a second arrival is never executed again.
                if (_transport.TrySendNow(exit) | _transport.TrySendNow(exit)) _logger.AbandonedWithExit(Device,
                    _lastReplyId);
            }
            _transport.Close();
        }

        public void Dispose() => _transport.Close();

        /// <summary>
        /// Sends one request and returns the first packet answering it, giving up after <paramref name="timeout"/>. TCP
        /// delivers or fails, so it sends once. UDP loses datagrams: without a reply within the RTO learned for this
        /// kind
        /// of request (<see cref="Timers"/>) the request is re-sent with the SAME reply id, at most
        /// <paramref name="retries"/> times, the wait doubling after each loss. Firmware answers a repeated reply id
        /// from
        /// its cache without executing again (fp-firmware commu.c RunCommand), so an early re-send is harmless.
        /// </summary>
        internal async Task<Packet> SendRequestAsync(
            ushort command,
            byte[]? payload,
            TimeSpan timeout,
            int retries,
            CancellationToken cancellationToken
        )
        {
            _lastReplyId = ReplyIds.Next(_lastReplyId);
            ushort replyId = _lastReplyId;
            var packet = new Packet(command, SessionId, replyId, payload);
            var bytes = packet.Encode();
            Traffic.Requests++;
            if (command == CommandCode.Data) Traffic.UploadedBytes += packet.Payload.Length;
            bool udp = _transport.Kind == ZkTransportKind.Udp;
            var estimator = Timers.For(command);
            var sinceFirstSend = System.Diagnostics.Stopwatch.StartNew();
            int resends = 0;
            try
            {
                while (true)
                {
                    await _transport.SendAsync(bytes, timeout, cancellationToken).ConfigureAwait(false);
                    Traffic.BytesSent += bytes.Length + _transport.FramingOverhead;
                    _logger.SentCommand(
                        Device, command, replyId, packet.Payload.Length,
                            resends > 0 ? $" (attempt {resends + 1})" : "");
                    var left = timeout - sinceFirstSend.Elapsed;
                    bool mayResend = udp && resends < retries;
                    var rto = RetransmissionTimer.Backoff(estimator.Rto, resends);
                    var wait = mayResend && rto < left ? rto : left;
                    var sentAt = sinceFirstSend.Elapsed;
                    var reply = await WaitForReplyAsync(replyId, wait, cancellationToken).ConfigureAwait(false);
                    if (reply != null)
                    {
                        // Karn's rule: a reply after a re-send cannot say which send it answers.
                        if (resends == 0) estimator.Add(sinceFirstSend.Elapsed - sentAt);
                        return reply;
                    }
                    if (!mayResend || sinceFirstSend.Elapsed >= timeout) break;
                    resends++;
                    Traffic.Resends++;
                    if (_logger.IsEnabled(LogLevel.Information))
                        _logger.Resending(Device, command, replyId, (int)wait.TotalMilliseconds,
                            RetransmissionTimer.KindOf(command),
                            estimator.Samples, (int)estimator.SmoothedRtt.TotalMilliseconds, resends + 1);
                }
            }
            catch (ZkException ex)
            {
                throw ReplyCheck.WithCommand(ex, Device, command);
            }
            string tries = resends > 0 ? $" after {resends + 1} attempts" : "";
            throw new ZkTimeoutException($"No reply within {timeout.TotalSeconds:0.###} s{tries}.", Device, command);
        }

        internal async Task<Packet> ReceiveFollowingAsync(
            ushort command,
            ushort replyId,
            CancellationToken cancellationToken
        )
        {
            Packet? reply;
            try
            {
                reply = await WaitForReplyAsync(replyId, _options.Timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (ZkException ex)
            {
                throw ReplyCheck.WithCommand(ex, Device, command);
            }
            return reply
                ?? throw new ZkTimeoutException(
                    $"Data stream stopped: nothing within {_options.Timeout.TotalSeconds:0.###} s.",
                    Device,
                    command
                );
        }

        /// <summary>
        /// UDP data streams: the next packet of the reply to <paramref name="replyId"/>, or null when none came within
        /// the
        /// stream's learned gap timer (a datagram was lost, or the stream ended with its closing packet lost). Each gap
        /// seen feeds that timer.
        /// </summary>
        internal async Task<Packet?> TryReceiveStreamPacketAsync(ushort command, ushort replyId,
            CancellationToken cancellationToken)
        {
            var gap = Timers.StreamGap;
            var wait = gap.Rto < _options.Timeout ? gap.Rto : _options.Timeout;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Packet? packet;
            try
            {
                packet = await WaitForReplyAsync(replyId, wait, cancellationToken).ConfigureAwait(false);
            }
            catch (ZkException ex)
            {
                throw ReplyCheck.WithCommand(ex, Device, command);
            }
            if (packet != null)
                gap.Add(clock.Elapsed);
            else
                _logger.StreamStalled(Device, command, replyId, (int)wait.TotalMilliseconds);
            return packet;
        }

        /// <summary>The next packet carrying <paramref name="replyId"/>, or null at the deadline. Events, stale and
        /// corrupt packets are skipped.</summary>
        private async Task<Packet?> WaitForReplyAsync(
            ushort replyId,
            TimeSpan timeout,
            CancellationToken cancellationToken
        )
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero) return null;
                var bytes = await _transport.ReceiveAsync(remaining, cancellationToken).ConfigureAwait(false);
                if (bytes == null) return null;
                Traffic.BytesReceived += bytes.Length + _transport.FramingOverhead;
                Traffic.LastReceivedUtc = DateTime.UtcNow;
                if (!Packet.TryDecode(bytes, 0, bytes.Length, out var p, out bool checksumValid))
                {
                    _logger.IgnoredShortPacket(Device, bytes.Length);
                    continue;
                }
                if (!checksumValid)
                {
                    // Firmware drops corrupt packets silently; we do the same and keep waiting for a good copy.
                    _logger.IgnoredBadChecksum(Device, p);
                    continue;
                }
                if (p.Command == CommandCode.RegisterEvent)
                {
                    await AcknowledgeEventAsync(p, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (p.ReplyId != replyId)
                {
                    _logger.IgnoredStaleReply(Device, p, replyId);
                    continue;
                }
                _logger.Received(Device, p);
                _sinceLastReply.Restart();
                return p;
            }
        }

        /// <summary>Events need a header-only ACK_OK; pyzk sends it with reply id 0 and the device never answers
        /// it.</summary>
        private async Task AcknowledgeEventAsync(Packet evt, CancellationToken cancellationToken)
        {
            _logger.AcknowledgedEvent(Device, evt.SessionId, evt.Payload.Length);
            var ack = new Packet(ReplyCode.Ok, SessionId, 0).Encode();
            await _transport.SendAsync(ack, _options.Timeout, cancellationToken).ConfigureAwait(false);
            Traffic.BytesSent += ack.Length + _transport.FramingOverhead;
        }
    }
}
