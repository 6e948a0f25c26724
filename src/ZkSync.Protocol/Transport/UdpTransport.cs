using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Transport
{
    /// <summary>UDP transport: a connected socket, one datagram per packet, datagrams from any other endpoint
    /// ignored.</summary>
    internal sealed class UdpTransport : IZkTransport
    {
        /// <summary>Largest UDP payload; device datagrams are at most 1,032 bytes.</summary>
        private const int MaxDatagram = 65535;

        private readonly Socket _socket;
        private readonly IPEndPoint _remote;
        private readonly string _device;
        private readonly byte[] _receiveBuffer = new byte[MaxDatagram];
        private Task<SocketReceiveFromResult>? _pendingReceive;
        private volatile bool _closed;

        private UdpTransport(Socket socket, IPEndPoint remote, string device)
        {
            _socket = socket;
            _remote = remote;
            _device = device;
        }

        /// <summary>Why TCP was not used, when Protocol Auto fell back to this transport; reported if UDP fails
        /// too.</summary>
        public ZkException? TcpFailure { get; set; }

        public ZkTransportKind Kind => ZkTransportKind.Udp;
        public int FramingOverhead => 0;
        public bool IsOpen => !_closed;

        public static UdpTransport Open(IPEndPoint remote, string device)
        {
            var socket = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                // Connecting a UDP socket only fixes the peer: the OS then reports ICMP "port unreachable" as
                // ConnectionRefused on the next receive, which we turn into a ZkConnectionException.
                // Bind explicitly so a loopback device is only ever talked to from the loopback address.
                var local = IPAddress.IsLoopback(remote.Address) ? remote.Address
                    : remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
                socket.Bind(new IPEndPoint(local, 0));
                socket.Connect(remote);
                return new UdpTransport(socket, remote, device);
            }
            catch (Exception ex)
            {
                socket.Dispose();
                throw SocketErrors.Wrap(ex, device, "UDP open");
            }
        }

        public async Task SendAsync(byte[] packet, TimeSpan timeout, CancellationToken cancellationToken)
        {
            ThrowIfClosed();
            Task<int> send;
            try
            {
                send = _socket.SendAsync(new ArraySegment<byte>(packet), SocketFlags.None);
            }
            catch (Exception ex)
            {
                throw SocketErrors.Wrap(ex, _device, "Send");
            }
            bool done;
            try
            {
                done = await TaskTimeout.CompletesWithin(send, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Close();
                TaskTimeout.Forget(send);
                throw;
            }
            if (!done)
            {
                Close();
                TaskTimeout.Forget(send);
                throw new ZkTimeoutException("UDP send did not complete in time.", _device);
            }
            try
            {
                await send.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                throw SocketErrors.Wrap(ex, _device, "Send");
            }
        }

        public async Task<byte[]?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                ThrowIfClosed();
                if (_pendingReceive == null)
                {
                    EndPoint any = new IPEndPoint(
                        _remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any,
                        0
                    );
                    try
                    {
                        _pendingReceive = _socket.ReceiveFromAsync(
                            new ArraySegment<byte>(_receiveBuffer),
                            SocketFlags.None,
                            any
                        );
                    }
                    catch (Exception ex)
                    {
                        Close();
                        throw SocketErrors.Wrap(ex, _device, "Receive");
                    }
                }
                bool done;
                // Cancelled: the receive stays armed, so the session can still say goodbye (CMD_EXIT).
                done = await TaskTimeout
                    .CompletesWithin(_pendingReceive, deadline - DateTime.UtcNow, cancellationToken)
                    .ConfigureAwait(false);
                if (!done)
                    return null;
                SocketReceiveFromResult result;
                try
                {
                    result = await _pendingReceive.ConfigureAwait(false);
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
                // The connected socket already filters other senders on common OSes; check anyway, it costs nothing.
                if (!_remote.Equals(result.RemoteEndPoint))
                    continue;
                var datagram = new byte[result.ReceivedBytes];
                Buffer.BlockCopy(_receiveBuffer, 0, datagram, 0, datagram.Length);
                return datagram;
            }
        }

        /// <summary>UDP has no connection the device could close.</summary>
        public bool PeerClosed() => _closed;

        public bool TrySendNow(byte[] packet)
        {
            if (_closed) return false;
            try
            {
                // Connected datagram socket: the send is handed to the OS at once; a full buffer or an error just loses
                // it.
                return _socket.Send(packet, SocketFlags.None) == packet.Length;
            }
            catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException)
            {
                return false;
            }
        }

        public void Close()
        {
            if (_closed) return;
            _closed = true;
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
