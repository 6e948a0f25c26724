using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Session;
using ZkSync.Protocol.Transport;

namespace ZkSync.Protocol.Client
{
    /// <summary>
    /// The one retry mechanism above the session: an operation whose connection is lost (reset, closed) or whose reply
    /// times out is carried on over a new session (transport, CMD_CONNECT, comm key, and CMD_DISABLEDEVICE again when a
    /// write this client had disabled the device for is under way), as often as <see
    /// cref="ZkConnectionOptions.Reconnects"/> allows and only when its <see cref="RetrySafety"/> says repeating is
    /// harmless. UDP datagram loss is handled below, by the session's same-reply-id re-sends; this is for what those
    /// cannot fix.
    /// </summary>
    public sealed partial class ZkDeviceClient
    {
        private Task<T> ReadAsync<T>(Func<ZkExchange, Task<T>> body, CancellationToken cancellationToken) =>
            RunAsync(body, RetrySafety.Read, cancellationToken);

        private async Task<T> RunAsync<T>(
            Func<ZkExchange, Task<T>> body,
            RetrySafety safety,
            CancellationToken cancellationToken
        )
        {
            for (int attempt = 0; ; attempt++)
            {
                var session = await CurrentSessionAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await session.RunAsync(body, cancellationToken, isRetry: attempt > 0).ConfigureAwait(false);
                }
                catch (ZkException ex)
                    when ((ex is ZkConnectionException || ex is ZkTimeoutException)
                        && !cancellationToken.IsCancellationRequested
                        && !_ended
                        && Options.Reconnects > 0
                    )
                {
                    // Whatever is still in flight on this connection can no longer be matched safely: start afresh.
                    session.Abort();
                    if (safety == RetrySafety.Once)
                        throw new ZkConnectionException(
                            $"{ex.Reason} The command may or may not have been carried out; it is not repeated "
                                + "automatically because repeating it is not harmless.",
                            Device,
                            ex.Command,
                            ex
                        );
                    if (attempt >= Options.Reconnects)
                        throw;
                    _logger.Reconnecting(Device, ZkException.WithoutDevice(ex), attempt + 1, Options.Reconnects);
                }
            }
        }

        /// <summary>The open session, or a new one when the last was lost (and reconnecting is allowed).</summary>
        private async Task<ProtocolSession> CurrentSessionAsync(CancellationToken cancellationToken)
        {
            var current = _connection.Session;
            if (current.IsOpen && !_ended && Options.Reconnects > 0 && current.PeerClosed())
            {
                // Closed while idle (a NAT or firewall timeout, a restart): found before sending, so nothing is lost or
                // sent twice; the session is rebuilt below.
                _logger.IdleClosedByDevice(Device, current.IdleFor.TotalSeconds);
            }
            if (current.IsOpen || _ended || Options.Reconnects == 0)
                return current;
            var options = Options.WithTransport(current.TransportKind);
            ProtocolSession session;
            try
            {
                var transport = await TransportFactory
                    .OpenAsync(options, _logger, cancellationToken)
                    .ConfigureAwait(false);
                session = new ProtocolSession(transport, options, _logger, Traffic);
            }
            catch (ZkException ex)
            {
                throw Reconnecting(ex);
            }
            try
            {
                await session.OpenAsync(cancellationToken).ConfigureAwait(false);
                if (_connection.DisabledForWrites)
                    await session
                        .RunAsync(
                            exchange =>
                                exchange.RequestOkAsync(
                                    CommandCode.DisableDevice,
                                    DisablePayload(options),
                                    "Disabling the device again after reconnecting"
                                ),
                            cancellationToken
                        )
                        .ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                session.Dispose();
                if (ex is ZkException zk && !(ex is ZkAuthenticationException))
                    throw Reconnecting(zk);
                throw;
            }
            _connection = _connection.Reconnected(session);
            _logger.Reconnected(
                Device,
                session.SessionId,
                _connection.DisabledForWrites ? "; device disabled again as before" : ""
            );
            return session;
        }

        private ZkException Reconnecting(ZkException ex)
        {
            string reason = $"The connection was lost and reconnecting failed: {ex.Reason}";
            return ex is ZkTimeoutException
                ? new ZkTimeoutException(reason, Device, ex.Command, ex)
                : (ZkException)new ZkConnectionException(reason, Device, ex.Command, ex);
        }
    }
}
