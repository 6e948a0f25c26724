using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Commands;
using ZkSync.Emulator.Device;
using ZkSync.Emulator.Link;
using ZkSync.Emulator.Sessions;

namespace ZkSync.Emulator.Transport
{
    /// <summary>What a transport does after one request has been served.</summary>
    internal enum FlowEnd
    {
        Continue,

        /// <summary>Close the TCP connection (EXIT, refused CONNECT).</summary>
        Close,
    }

    /// <summary>
    /// One received packet from arrival to its last reply packet, the same for TCP and UDP: the link's cost, the
    /// pipeline, the reply through <see cref="ReplySender"/>, then what the reply asks for afterwards.
    /// </summary>
    internal sealed class RequestFlow
    {
        private readonly RequestPipeline _pipeline;
        private readonly DeviceCounters _counters;
        private readonly SerialLink _link;
        private readonly EmulatorOptions _options;

        public RequestFlow(RequestPipeline pipeline, DeviceCounters counters, SerialLink link, EmulatorOptions options)
        {
            _pipeline = pipeline;
            _counters = counters;
            _link = link;
            _options = options;
        }

        /// <param name="wireBytes">Bytes the request took on the wire (TCP envelope included), already counted as received.</param>
        /// <param name="bind">Called with the session the reply belongs to before anything is sent (TCP binds it to the connection).</param>
        public async Task<FlowEnd> RunAsync(EmulatorTransport transport, byte[] packet, int wireBytes, Session? bound, EndPoint? udpPeer,
            Func<byte[], CancellationToken, Task> write, Action<Session>? bind, CancellationToken ct)
        {
            await _link.RequestAsync(wireBytes, ct).ConfigureAwait(false);
            var reply = _pipeline.Handle(transport, packet, 0, packet.Length, bound, udpPeer, out var session);
            if (session != null) bind?.Invoke(session);
            var sender = new ReplySender(write, transport == EmulatorTransport.Tcp, _counters, _options.LargeDataPacketGap, _link);
            await sender.SendAsync(reply, ct).ConfigureAwait(false);
            _pipeline.AfterSent(reply, session);
            return reply.After == AfterReply.CloseTransport || reply.After == AfterReply.CloseSession ? FlowEnd.Close : FlowEnd.Continue;
        }
    }
}
