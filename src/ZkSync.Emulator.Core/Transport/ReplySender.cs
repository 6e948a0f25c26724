using System;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Commands;
using ZkSync.Emulator.Device;
using ZkSync.Emulator.Link;
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
        private readonly SerialLink _link;

        public ReplySender(Func<byte[], CancellationToken, Task> write, bool tcp, DeviceCounters counters, TimeSpan largeDataGap, SerialLink link)
        {
            _write = write;
            _tcp = tcp;
            _counters = counters;
            _gap = largeDataGap;
            _link = link;
        }

        public async Task SendAsync(Reply reply, CancellationToken ct)
        {
            var packets = reply.Packets;
            if (packets.Count > 0) _counters.Answered();
            for (int i = 0; i < packets.Count; i++)
            {
                bool last = i == packets.Count - 1;
                // Firmware pauses between the packets of a large-data reply but sends the closing ACK_OK right after the
                // last chunk; on TCP both go out in one write, so a client reading one packet per read still sees the OK
                // together with the data it closes (node-zklib relies on it).
                if (i > 0 && !last && reply.IsLargeData && _gap > TimeSpan.Zero) await Task.Delay(_gap, ct).ConfigureAwait(false);
                var bytes = Frame(packets[i]);
                if (_tcp && reply.IsLargeData && i == packets.Count - 2)
                {
                    var closing = Frame(packets[++i]);
                    var both = new byte[bytes.Length + closing.Length];
                    Buffer.BlockCopy(bytes, 0, both, 0, bytes.Length);
                    Buffer.BlockCopy(closing, 0, both, bytes.Length, closing.Length);
                    bytes = both;
                }
                await _link.ReplyAsync(bytes.Length, ct).ConfigureAwait(false);
                await _write(bytes, ct).ConfigureAwait(false);
            }
        }

        private byte[] Frame(Packet packet)
        {
            var bytes = packet.Encode();
            if (_tcp) bytes = TcpEnvelope.Wrap(bytes);
            _counters.Sent(bytes.Length);
            return bytes;
        }
    }
}
