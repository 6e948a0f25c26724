using System;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Transport
{
    /// <summary>
    /// Moves whole packets (8-byte header + payload) to and from one device. TCP adds and strips the envelope;
    /// UDP maps one datagram to one packet. Implementations never leave a thread blocked: waits are raced against
    /// a timer. A cancelled send closes the socket (a frame may be half sent); a cancelled receive stays armed, so the
    /// session can still send CMD_EXIT.
    /// </summary>
    internal interface IZkTransport : IDisposable
    {
        ZkTransportKind Kind { get; }

        /// <summary>Bytes each packet costs on the wire beyond header + payload (the TCP envelope).</summary>
        int FramingOverhead { get; }

        bool IsOpen { get; }

        Task SendAsync(byte[] packet, TimeSpan timeout, CancellationToken cancellationToken);

        /// <summary>The next packet from the device, or null when none arrived within <paramref
        /// name="timeout"/>.</summary>
        Task<byte[]?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken);

        /// <summary>
        /// True when the device has already closed or reset the connection, found without sending anything (TCP: a
        /// readable socket with no data; UDP: never). Lets a caller reconnect before a write instead of after it.
        /// </summary>
        bool PeerClosed();

        /// <summary>
        /// UDP: sends one datagram at once without waiting or failing (a goodbye on a connection being abandoned); TCP:
        /// nothing, since closing the connection already ends the device's session. False when nothing was sent.
        /// </summary>
        bool TrySendNow(byte[] packet);

        void Close();
    }
}
