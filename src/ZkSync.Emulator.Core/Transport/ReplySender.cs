using System;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Core.Commands;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Faults;
using ZkSync.Emulator.Core.Link;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Transport
{
    /// <summary>
    /// The single way replies leave the device, per transport: encodes each packet, pays the link for it, loses it when
    /// a UDP drop fault says so, counts what really went out, writes it, and paces the packets of a large-data reply.
    /// </summary>
    internal sealed class ReplySender
    {
        private readonly Func<byte[], CancellationToken, Task> _write;
        private readonly bool _tcp;
        private readonly DeviceCounters _counters;
        private readonly TimeSpan _gap;
        private readonly SerialLink _link;
        private readonly FaultInjector _faults;

        public ReplySender(
            Func<byte[], CancellationToken, Task> write,
            bool tcp,
            DeviceCounters counters,
            TimeSpan largeDataGap,
            SerialLink link,
            FaultInjector faults
        )
        {
            _write = write;
            _tcp = tcp;
            _counters = counters;
            _gap = largeDataGap;
            _link = link;
            _faults = faults;
        }

        /// <summary>
        /// Sends the reply; with <paramref name="cutAfterDataPackets"/> only the announcement and that many data
        /// packets go out and false is returned (the caller resets the connection); with <paramref name="loseAll"/>
        /// (UDP) every datagram is lost.
        /// </summary>
        public async Task<bool> SendAsync(Reply reply, int? cutAfterDataPackets, bool loseAll, CancellationToken ct)
        {
            var packets = reply.Packets;
            if (packets.Count > 0)
                _counters.Answered();
            for (int i = 0; i < packets.Count; i++)
            {
                if (cutAfterDataPackets is int k && i == k + 1)
                    return false;
                bool last = i == packets.Count - 1;
                // Firmware pauses between the packets of a large-data reply but sends the closing ACK_OK right after
                // the last chunk; on TCP both go out in one write, so a client reading one packet per read still sees
                // the OK together with the data it closes (node-zklib relies on it).
                if (i > 0 && !last && reply.IsLargeData && _gap > TimeSpan.Zero)
                    await Task.Delay(_gap, ct).ConfigureAwait(false);
                var bytes = Frame(packets[i]);
                int closingLength = 0;
                if (_tcp && reply.IsLargeData && i == packets.Count - 2)
                {
                    var closing = Frame(packets[++i]);
                    closingLength = closing.Length;
                    var both = new byte[bytes.Length + closing.Length];
                    Buffer.BlockCopy(bytes, 0, both, 0, bytes.Length);
                    Buffer.BlockCopy(closing, 0, both, bytes.Length, closing.Length);
                    bytes = both;
                }
                await _link.ReplyAsync(bytes.Length, ct).ConfigureAwait(false);
                if (!_tcp && (loseAll || _faults.DropReplyDatagram()))
                {
                    _counters.Drop();
                    continue;
                }
                _counters.Sent(bytes.Length - closingLength);
                if (closingLength > 0) _counters.Sent(closingLength);
                await _write(bytes, ct).ConfigureAwait(false);
            }
            return true;
        }

        private byte[] Frame(Packet packet)
        {
            var bytes = packet.Encode();
            return _tcp ? TcpEnvelope.Wrap(bytes) : bytes;
        }
    }
}
