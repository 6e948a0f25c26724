using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Transport
{
    /// <summary>TCP transport: envelope on send, <see cref="TcpFrameReader"/> on receive, one pending receive reused
    /// across timeouts.</summary>
    internal sealed class TcpTransport : IZkTransport
    {
        private readonly Socket _socket;
        private readonly string _device;
        private readonly TcpFrameReader _reader;
        private readonly byte[] _receiveBuffer = new byte[64 * 1024];
        private Task<int>? _pendingReceive;
        private volatile bool _closed;

        private TcpTransport(Socket socket, string device)
        {
            _socket = socket;
            _device = device;
            _reader = new TcpFrameReader(device);
        }

        public ZkTransportKind Kind => ZkTransportKind.Tcp;
        public int FramingOverhead => TcpEnvelope.Size;
        public bool IsOpen => !_closed;

        /// <summary>Opens the connection. Refused or reset → <see cref="ZkConnectionException"/>; no answer in time →
        /// <see cref="ZkTimeoutException"/>.</summary>
        public static async Task<TcpTransport> ConnectAsync(
            IPEndPoint endpoint,
            string device,
            TimeSpan timeout,
            CancellationToken cancellationToken
        )
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                var connect = socket.ConnectAsync(endpoint);
                bool done;
                try
                {
                    done = await TaskTimeout.CompletesWithin(connect, timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    TaskTimeout.Forget(connect);
                    throw;
                }
                if (!done)
                {
                    TaskTimeout.Forget(connect);
                    throw new ZkTimeoutException(
                        $"TCP connect did not complete within {timeout.TotalSeconds:0.###} s.",
                        device
                    );
                }
                try
                {
                    await connect.ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    throw SocketErrors.Wrap(ex, device, "TCP connect");
                }
                return new TcpTransport(socket, device);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        public async Task SendAsync(byte[] packet, TimeSpan timeout, CancellationToken cancellationToken)
        {
            ThrowIfClosed();
            var framed = TcpEnvelope.Wrap(packet);
            Task<int> send;
            try { send = _socket.SendAsync(new ArraySegment<byte>(framed), SocketFlags.None); }
            catch (Exception ex) { throw SocketErrors.Wrap(ex, _device, "Send"); }
            bool done;
            try { done = await TaskTimeout.CompletesWithin(send, timeout, cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { Close(); TaskTimeout.Forget(send); throw; }
            if (!done)
            {
                // A send that cannot finish means the peer stopped reading; the stream is now unusable.
                Close();
                TaskTimeout.Forget(send);
                throw new ZkTimeoutException("Send did not complete in time; connection closed.", _device);
            }
            try { await send.ConfigureAwait(false); }
            catch (Exception ex) { Close(); throw SocketErrors.Wrap(ex, _device, "Send"); }
        }

        public async Task<byte[]?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                byte[] frame;
                try
                {
                    if (_reader.TryTakeFrame(out frame)) return frame;
                }
                catch (ZkException ex) when (ex is ZkMalformedReplyException || ex is ZkNotATerminalException)
                {
                    Close(); // the stream has lost its framing; nothing after this point can be trusted
                    throw;
                }
                ThrowIfClosed();
                if (_pendingReceive == null)
                {
                    try
                    {
                        _pendingReceive = _socket.ReceiveAsync(
                            new ArraySegment<byte>(_receiveBuffer),
                            SocketFlags.None
                        );
                    }
                    catch (Exception ex)
                    {
                        Close();
                        throw SocketErrors.Wrap(ex, _device, "Receive");
                    }
                }
                bool done;
                // Cancelled: the receive stays armed and the framing intact, so the session can still say goodbye
                // (CMD_EXIT).
                done = await TaskTimeout
                    .CompletesWithin(_pendingReceive, deadline - DateTime.UtcNow, cancellationToken)
                    .ConfigureAwait(false);
                if (!done)
                    return null; // the pending receive stays armed for the next call
                int received;
                try
                {
                    received = await _pendingReceive.ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    Close();
                    throw SocketErrors.Wrap(ex, _device, "Receive");
                }
                finally
                {
                    _pendingReceive = null;
                }
                if (received == 0)
                {
                    Close();
                    throw new ZkConnectionException("The device closed the connection.", _device);
                }
                _reader.Append(_receiveBuffer, 0, received);
            }
        }

        /// <summary>
        /// Whether the connection was closed while idle (a NAT or firewall idle timeout, a restart). A closed peer
        /// makes the socket readable with nothing to read; bytes that did arrive are kept for the next receive.
        /// </summary>
        public bool PeerClosed()
        {
            if (_closed) return true;
            var pending = _pendingReceive;
            try
            {
                if (pending != null)
                {
                    if (!pending.IsCompleted) return false;
                    _pendingReceive = null;
                    int n = pending.Status == TaskStatus.RanToCompletion ? pending.Result : 0;
                    if (n > 0)
                    {
                        _reader.Append(_receiveBuffer, 0, n);
                        return false;
                    }
                }
                else if (!_socket.Poll(0, SelectMode.SelectRead) || _socket.Available > 0)
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
            }
            Close();
            return true;
        }

        /// <summary>Closing the connection ends the device's session: nothing to send.</summary>
        public bool TrySendNow(byte[] packet) => false;

        public void Close()
        {
            if (_closed)
                return;
            _closed = true;
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
            _socket.Dispose();
            TaskTimeout.Forget(_pendingReceive);
        }

        public void Dispose() => Close();

        private void ThrowIfClosed()
        {
            if (_closed) throw new ZkConnectionException("The connection is closed.", _device);
        }
    }
}
