using System;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Commands;
using ZkSync.Emulator.Device;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Transport
{
    /// <summary>
    /// The single way replies leave the device, per transport: encodes each packet, counts it, writes it, and paces the
    /// packets of a large-data reply. (Hook point for the link model and fault injection on the way out.)
    /// </summary>
    internal sealed class ReplySender
    {
        private readonly Func<byte[], CancellationToken, Task> _write;
        private readonly bool _tcp;
        private readonly DeviceCounters _counters;
        private readonly TimeSpan _gap;

        public ReplySender(Func<byte[], CancellationToken, Task> write, bool tcp, DeviceCounters counters, TimeSpan largeDataGap)
        {
            _write = write;
            _tcp = tcp;
            _counters = counters;
            _gap = largeDataGap;
        }

        public async Task SendAsync(Reply reply, CancellationToken ct)
        {
            if (reply.Packets.Count > 0) _counters.Answered();
            for (int i = 0; i < reply.Packets.Count; i++)
            {
                if (i > 0 && reply.IsLargeData && _gap > TimeSpan.Zero) await Task.Delay(_gap, ct).ConfigureAwait(false);
                var bytes = reply.Packets[i].Encode();
                if (_tcp) bytes = TcpEnvelope.Wrap(bytes);
                _counters.Sent(bytes.Length);
                await _write(bytes, ct).ConfigureAwait(false);
            }
        }
    }
}
