using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Transport;

namespace ZkSync.Protocol.Tests.Scripted
{
    /// <summary>What a scripted peer's handler can send back.</summary>
    internal interface IPeerLink
    {
        /// <summary>Sends a packet framed for the transport (envelope on TCP, one datagram on UDP).</summary>
        Task SendAsync(Packet packet);

        /// <summary>Sends exact bytes (TCP: stream bytes, envelope included; UDP: one datagram).</summary>
        Task SendRawAsync(byte[] bytes);

        /// <summary>TCP: writes the bytes in pieces cut at <paramref name="cuts"/>, pausing between writes so they
        /// arrive apart.</summary>
        Task SendSplitAsync(byte[] bytes, params int[] cuts);
    }

    /// <summary>
    /// A tiny device stand-in on 127.0.0.1:0 that replays scripted packets: every packet the client sends is recorded
    /// and handed to the handler, which answers through <see cref="IPeerLink"/>.
    /// </summary>
    internal sealed class ScriptedPeer : IDisposable
    {
        private readonly Func<Packet, IPeerLink, Task> _handler;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<Packet> _received = new List<Packet>();
        private readonly TcpListener? _listener;
        private readonly UdpClient? _udp;
        private readonly Task _loop;

        private ScriptedPeer(Func<Packet, IPeerLink, Task> handler, bool tcp)
        {
            _handler = handler;
            if (tcp)
            {
                _listener = new TcpListener(IPAddress.Loopback, 0);
                _listener.Start();
                Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
                _loop = Task.Run(TcpLoopAsync);
            }
            else
            {
                _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
                Port = ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;
                _loop = Task.Run(UdpLoopAsync);
            }
        }

        public static ScriptedPeer Tcp(Func<Packet, IPeerLink, Task> handler) => new ScriptedPeer(handler, true);

        public static ScriptedPeer Udp(Func<Packet, IPeerLink, Task> handler) => new ScriptedPeer(handler, false);

        public int Port { get; }

        /// <summary>Where the UDP client sent from (to aim stray datagrams at it).</summary>
        public IPEndPoint? LastUdpClient { get; private set; }

        public List<Packet> Received
        {
            get { lock (_received) return new List<Packet>(_received); }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener?.Stop();
            _udp?.Dispose();
            try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        }

        private async Task TcpLoopAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener!.AcceptTcpClientAsync(_stop.Token);
                    _ = Task.Run(() => ServeTcpAsync(client));
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested) { }
            catch (ObjectDisposedException) { }
            catch (SocketException) { }
        }

        private async Task ServeTcpAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var link = new TcpLink(stream);
                var reader = new TcpFrameReader();
                var buffer = new byte[65536];
                try
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        int n = await stream.ReadAsync(buffer, _stop.Token);
                        if (n == 0) return;
                        reader.Append(buffer, 0, n);
                        while (reader.TryTakeFrame(out var frame))
                        {
                            Packet.TryDecode(frame, 0, frame.Length, out var p, out _);
                            lock (_received) _received.Add(p);
                            await _handler(p, link);
                        }
                    }
                }
                catch (Exception) { /* client went away or the test ended */ }
            }
        }

        private async Task UdpLoopAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var result = await _udp!.ReceiveAsync(_stop.Token);
                    LastUdpClient = result.RemoteEndPoint;
                    if (!Packet.TryDecode(result.Buffer, 0, result.Buffer.Length, out var p, out _)) continue;
                    lock (_received) _received.Add(p);
                    await _handler(p, new UdpLink(_udp, result.RemoteEndPoint));
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested) { }
            catch (ObjectDisposedException) { }
        }

        private sealed class TcpLink : IPeerLink
        {
            private readonly NetworkStream _stream;

            public TcpLink(NetworkStream stream) => _stream = stream;

            public Task SendAsync(Packet packet) => SendRawAsync(TcpEnvelope.Wrap(packet.Encode()));

            public async Task SendRawAsync(byte[] bytes)
            {
                await _stream.WriteAsync(bytes);
                await _stream.FlushAsync();
            }

            public async Task SendSplitAsync(byte[] bytes, params int[] cuts)
            {
                int start = 0;
                foreach (int cut in cuts)
                {
                    await SendRawAsync(bytes[start..cut]);
                    await Task.Delay(15);
                    start = cut;
                }
                await SendRawAsync(bytes[start..]);
            }
        }

        private sealed class UdpLink : IPeerLink
        {
            private readonly UdpClient _udp;
            private readonly IPEndPoint _to;

            public UdpLink(UdpClient udp, IPEndPoint to)
            {
                _udp = udp;
                _to = to;
            }

            public Task SendAsync(Packet packet) => SendRawAsync(packet.Encode());

            public async Task SendRawAsync(byte[] bytes) => await _udp.SendAsync(bytes, bytes.Length, _to);

            public Task SendSplitAsync(byte[] bytes, params int[] cuts) => SendRawAsync(bytes);
        }
    }
}
