using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Device;
using ZkSync.Emulator.Commands;

namespace ZkSync.Emulator.Transport
{
    /// <summary>UDP: one datagram is one packet; replies go to the datagram's sender. Sessions are found by their id.</summary>
    internal sealed class UdpTransport
    {
        private readonly UdpClient _udp;
        private readonly RequestPipeline _pipeline;
        private readonly DeviceCounters _counters;
        private readonly EmulatorOptions _options;
        private Task _loop = Task.CompletedTask;

        public UdpTransport(UdpClient udp, RequestPipeline pipeline, DeviceCounters counters, EmulatorOptions options)
        {
            _udp = udp;
            _pipeline = pipeline;
            _counters = counters;
            _options = options;
        }

        public void Start(CancellationToken ct) => _loop = Task.Run(() => Loop(ct));

        public async Task StopAsync()
        {
            _udp.Dispose();
            try { await _loop.ConfigureAwait(false); } catch { }
        }

        private async Task Loop(CancellationToken ct)
        {
            while (!ct.IsCancellationRequested)
            {
                UdpReceiveResult datagram;
                try { datagram = await _udp.ReceiveAsync().ConfigureAwait(false); }
                catch (ObjectDisposedException) { return; }
                catch (SocketException) when (!ct.IsCancellationRequested) { continue; } // ICMP unreachable from a gone client
                catch (SocketException) { return; }
                _counters.Received(datagram.Buffer.Length);
                var peer = datagram.RemoteEndPoint;
                var reply = _pipeline.Handle(EmulatorTransport.Udp, datagram.Buffer, 0, datagram.Buffer.Length, null, peer, out var session);
                var sender = new ReplySender((b, t) => Send(b, peer), false, _counters, _options.LargeDataPacketGap);
                try { await sender.SendAsync(reply, ct).ConfigureAwait(false); }
                catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException || ex is OperationCanceledException) { if (ct.IsCancellationRequested) return; }
                _pipeline.AfterSent(reply, session);
            }
        }

        private Task Send(byte[] bytes, IPEndPoint peer) => _udp.SendAsync(bytes, bytes.Length, peer);
    }
}
