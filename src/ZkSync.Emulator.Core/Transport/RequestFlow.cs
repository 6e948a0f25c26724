using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Core.Commands;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Faults;
using ZkSync.Emulator.Core.Link;
using ZkSync.Emulator.Core.Sessions;

namespace ZkSync.Emulator.Core.Transport
{
    /// <summary>What a transport does after one request has been served.</summary>
    internal enum FlowEnd
    {
        Continue,

        /// <summary>Close the TCP connection (EXIT, refused CONNECT).</summary>
        Close,

        /// <summary>Reset the TCP connection (an injected fault): no goodbye, the client sees the connection
        /// die.</summary>
        Reset,
    }

    /// <summary>
    /// One received packet from arrival to its last reply packet, the same for TCP and UDP: the link's cost, the faults
    /// decided on the way in, the pipeline, the reply through <see cref="ReplySender"/> (faults on the way out), then
    /// what the reply asks for afterwards.
    /// </summary>
    internal sealed class RequestFlow
    {
        private readonly RequestPipeline _pipeline;
        private readonly DeviceCounters _counters;
        private readonly SerialLink _link;
        private readonly FaultInjector _faults;
        private readonly EmulatorLog _log;
        private readonly EmulatorOptions _options;

        public RequestFlow(
            RequestPipeline pipeline,
            DeviceCounters counters,
            SerialLink link,
            FaultInjector faults,
            EmulatorLog log,
            EmulatorOptions options
        )
        {
            _pipeline = pipeline;
            _counters = counters;
            _link = link;
            _faults = faults;
            _log = log;
            _options = options;
        }

        /// <param name="wireBytes">Bytes the request took on the wire (TCP envelope included), already counted as
        /// received.</param> <param name="bind">Called with the session the reply belongs to before anything is sent
        /// (TCP binds it to the connection).</param>
        public async Task<FlowEnd> RunAsync(
            EmulatorTransport transport,
            byte[] packet,
            int wireBytes,
            ClientSession? bound,
            EndPoint? udpPeer,
            Func<byte[], CancellationToken, Task> write,
            Action<ClientSession>? bind,
            CancellationToken ct
        )
        {
            await _link.RequestAsync(wireBytes, ct).ConfigureAwait(false);
            var fault = _faults.OnRequest(transport, packet);
            if (fault.Drop)
            {
                _counters.Drop();
                _log.Add($"{transport}: fault: {fault.Why}");
                return FlowEnd.Continue;
            }
            var reply = _pipeline.Handle(transport, packet, 0, packet.Length, bound, udpPeer, out var session);
            if (session != null) bind?.Invoke(session);
            if (session != null && session.OwedDeviceSeconds > 0)
            {
                double busy = session.OwedDeviceSeconds;
                session.OwedDeviceSeconds = 0;
                await _link.DeviceBusyAsync(busy, ct).ConfigureAwait(false);
            }
            if (fault.ResetInsteadOfReply)
            {
                _log.Add($"{session?.ToString() ?? transport.ToString()}: fault: {fault.Why}");
                return FlowEnd.Reset;
            }
            if (fault.Delay > TimeSpan.Zero)
            {
                _log.Add($"{session?.ToString() ?? transport.ToString()}: fault: {fault.Why}");
                await Task.Delay(fault.Delay, ct).ConfigureAwait(false);
            }
            var sender = new ReplySender(
                write,
                transport == EmulatorTransport.Tcp,
                _counters,
                _options.LargeDataPacketGap,
                _link,
                _faults
            );
            int? cut = _faults.CutLargeReply(reply, transport);
            if (fault.LoseReply)
                _log.Add($"{session?.ToString() ?? transport.ToString()}: fault: {fault.Why}");
            bool complete = await sender.SendAsync(reply, cut, fault.LoseReply, ct).ConfigureAwait(false);
            if (!complete)
            {
                _log.Add($"{session}: fault: connection reset after {cut} data packets of a large reply");
                return FlowEnd.Reset;
            }
            _pipeline.AfterSent(reply, session);
            if (fault.RestartAfterReply)
                _pipeline.Restart("fault: " + fault.Why);
            return reply.After == AfterReply.CloseTransport || reply.After == AfterReply.CloseSession
                ? FlowEnd.Close
                : FlowEnd.Continue;
        }
    }
}
