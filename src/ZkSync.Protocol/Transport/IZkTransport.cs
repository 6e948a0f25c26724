using System;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Transport
{
    /// <summary>
    /// Moves whole packets (8-byte header + payload) to and from one device. TCP adds and strips the envelope;
    /// UDP maps one datagram to one packet. Implementations never leave a thread blocked: waits are raced against
    /// a timer and the socket is closed on cancellation.
    /// </summary>
    internal interface IZkTransport : IDisposable
    {
        ZkTransportKind Kind { get; }

        /// <summary>Bytes each packet costs on the wire beyond header + payload (the TCP envelope).</summary>
        int FramingOverhead { get; }

        bool IsOpen { get; }

        Task SendAsync(byte[] packet, TimeSpan timeout, CancellationToken cancellationToken);

        /// <summary>The next packet from the device, or null when none arrived within <paramref name="timeout"/>.</summary>
        Task<byte[]?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken);

        void Close();
    }
}
