using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Core.Commands;
using ZkSync.Emulator.Core.Device;

namespace ZkSync.Emulator.Core.Transport
{
    /// <summary>UDP: one datagram is one packet; replies go to the datagram's sender. Sessions are found by their
    /// id.</summary>
    internal sealed class UdpTransport
    {
        private readonly UdpClient _udp;
        private readonly RequestFlow _flow;
        private readonly DeviceCounters _counters;
        private Task _loop = Task.CompletedTask;

        public UdpTransport(UdpClient udp, RequestFlow flow, DeviceCounters counters)
        {
            _udp = udp;
            _flow = flow;
            _counters = counters;
        }

        public void Start(CancellationToken ct) => _loop = Task.Run(() => Loop(ct), CancellationToken.None);

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
                try
                {
                    datagram = await _udp.ReceiveAsync().ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException) when (!ct.IsCancellationRequested)
                {
                    continue;
                } // ICMP unreachable from a gone client
                catch (SocketException)
                {
                    return;
                }
                _counters.Received(datagram.Buffer.Length);
                var peer = datagram.RemoteEndPoint;
                try
                {
                    await _flow
                        .RunAsync(
                            EmulatorTransport.Udp,
                            datagram.Buffer,
                            datagram.Buffer.Length,
                            null,
                            peer,
                            (b, t) => Send(b, peer),
                            null,
                            ct
                        )
                        .ConfigureAwait(false);
                }
                catch (Exception ex)
                    when (ex is SocketException || ex is ObjectDisposedException || ex is OperationCanceledException)
                {
                    if (ct.IsCancellationRequested)
                        return;
                }
            }
        }

        private Task<int> Send(byte[] bytes, IPEndPoint peer) => _udp.SendAsync(bytes, bytes.Length, peer);
    }
}
