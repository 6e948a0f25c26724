using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Core.Commands;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Sessions;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Transport
{
    /// <summary>
    /// TCP: every packet carries the 8-byte envelope; frames are read by their length field whatever the segmentation.
    /// One session per connection, as firmware serves them.
    /// </summary>
    internal sealed class TcpTransport
    {
        /// <summary>Largest packet firmware can take: its TCP receive buffer holds 65,536 bytes after the
        /// envelope.</summary>
        public const int MaxPacketLength = 65536;

        private readonly TcpListener _listener;
        private readonly RequestFlow _flow;
        private readonly DeviceCounters _counters;
        private readonly EmulatorLog _log;
        private readonly ConcurrentDictionary<TcpClient, Task> _connections =
            new ConcurrentDictionary<TcpClient, Task>();
        private Task _acceptLoop = Task.CompletedTask;

        private readonly RequestPipeline _pipeline;
        private readonly TimeSpan _idleTimeout;

        public TcpTransport(
            TcpListener listener,
            RequestPipeline pipeline,
            RequestFlow flow,
            DeviceCounters counters,
            EmulatorLog log,
            TimeSpan idleTimeout
        )
        {
            _idleTimeout = idleTimeout;
            _listener = listener;
            _pipeline = pipeline;
            _flow = flow;
            _counters = counters;
            _log = log;
        }

        public void Start(CancellationToken ct) => _acceptLoop = AcceptLoop(ct);

        public async Task StopAsync()
        {
            _listener.Stop();
            foreach (var client in _connections.Keys)
                Close(client);
            try
            {
                await Task.WhenAll(_connections.Values).ConfigureAwait(false);
            }
            catch
            { /* loops end with socket errors */
            }
            try
            {
                await _acceptLoop.ConfigureAwait(false);
            }
            catch { }
        }

        private async Task AcceptLoop(CancellationToken ct)
        {
            while (!ct.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false); }
                catch (ObjectDisposedException) { return; }
                catch (SocketException) when (ct.IsCancellationRequested) { return; }
                catch (InvalidOperationException) { return; }
                client.NoDelay = true;
                _connections[client] = Task.Run(() => Serve(client, ct), CancellationToken.None);
            }
        }

        private async Task Serve(TcpClient client, CancellationToken ct)
        {
            ClientSession? bound = null;
            bool clientLeft = false; // the client closed or broke the connection (as opposed to the device closing it)
            // The idle-close fault (a NAT or firewall idle timeout; firmware itself never closes an idle connection):
            // silence that long while the device waits for a request closes it. The timer runs only while the device
            // waits to read.
            using var idle = new CancellationTokenSource();
            bool idleClosed = false;
            using var idleRegistration = idle.Token.Register(() => { idleClosed = true; Close(client); });
            try
            {
                var stream = client.GetStream();
                Func<byte[], CancellationToken, Task> write = (b, t) => stream.WriteAsync(b, 0, b.Length, t);
                Action<ClientSession> bind = session =>
                {
                    if (bound != null) return;
                    bound = session;
                    bound.CloseTransport = () => Close(client);
                };
                var prefix = new byte[TcpEnvelope.Size];
                while (!ct.IsCancellationRequested)
                {
                    if (_idleTimeout > TimeSpan.Zero)
                        idle.CancelAfter(_idleTimeout);
                    if (!await ReadExact(stream, prefix, ct).ConfigureAwait(false))
                    {
                        clientLeft = true;
                        return;
                    }
                    if (!TcpEnvelope.TryReadLength(prefix, out int length, out var error) || length > MaxPacketLength)
                    {
                        _counters.Received(TcpEnvelope.Size);
                        _counters.Drop();
                        _log.Add(
                            "tcp: "
                                + (error
                                    ?? $"frame of {length} bytes exceeds the device's {MaxPacketLength}-byte buffer")
                                + "; connection closed"
                        );
                        return;
                    }
                    var packet = new byte[length];
                    if (!await ReadExact(stream, packet, ct).ConfigureAwait(false))
                    {
                        clientLeft = true;
                        return;
                    }
                    idle.CancelAfter(Timeout.Infinite);
                    _counters.Received(TcpEnvelope.Size + length);

                    var end = await _flow
                        .RunAsync(
                            EmulatorTransport.Tcp,
                            packet,
                            TcpEnvelope.Size + length,
                            bound,
                            null,
                            write,
                            bind,
                            ct
                        )
                        .ConfigureAwait(false);
                    if (end == FlowEnd.Close)
                        return;
                    if (end == FlowEnd.Reset)
                    {
                        // The session dies with the connection: drop it before the client can see the reset and
                        // reconnect, so "last session gone, device enabled again" happens in the order a device does
                        // it. Detached first: closing the session would otherwise shut the socket down gracefully
                        // instead of the RST.
                        if (bound != null)
                        {
                            bound.CloseTransport = null;
                            _pipeline.CloseSession(bound, "connection reset");
                        }
                        Reset(client);
                        return;
                    }
                }
            }
            catch (Exception ex)
                when (ex is IOException
                    || ex is SocketException
                    || ex is ObjectDisposedException
                    || ex is OperationCanceledException
                )
            {
                // Connection reset by the client, closed for idleness, or emulator stopping: the session ends below.
                clientLeft = !idleClosed && !ct.IsCancellationRequested;
            }
            finally
            {
                idle.CancelAfter(Timeout.Infinite);
                if (idleClosed)
                {
                    _log.Add(
                        $"tcp: nothing received for {_idleTimeout.TotalSeconds:0.###} s; connection closed (firmware "
                            + "receive timeout)"
                    );
                    _counters.IdleClose();
                }
                if (bound != null)
                {
                    if (clientLeft && !idleClosed)
                        _pipeline.ConnectionLost(bound);
                    else
                        _pipeline.CloseSession(bound, idleClosed ? "idle timeout" : "connection closed");
                }
                Close(client);
                _connections.TryRemove(client, out _);
            }
        }

        private static async Task<bool> ReadExact(NetworkStream stream, byte[] buffer, CancellationToken ct)
        {
            int read = 0;
            while (read < buffer.Length)
            {
                int n = await stream.ReadAsync(buffer, read, buffer.Length - read, ct).ConfigureAwait(false);
                if (n == 0) return false;
                read += n;
            }
            return true;
        }

        /// <summary>Abortive close: linger 0 makes the OS send RST, so the client sees "connection reset", not a
        /// goodbye.</summary>
        private static void Reset(TcpClient client)
        {
            try { client.Client.LingerState = new LingerOption(true, 0); } catch { }
            try { client.Client.Close(); } catch { }
        }

        private static void Close(TcpClient client)
        {
            try { client.Client.Shutdown(SocketShutdown.Both); } catch { }
            try { client.Dispose(); } catch { }
        }
    }
}
