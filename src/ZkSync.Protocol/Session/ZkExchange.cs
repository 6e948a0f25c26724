using System;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Session
{
    /// <summary>
    /// The connection while one operation owns it (<see cref="ProtocolSession.RunAsync{T}"/>): requests, the further
    /// packets of a multi-packet reply, and reply-id planning for uploads.
    /// </summary>
    internal sealed class ZkExchange
    {
        private readonly ProtocolSession _session;

        public ZkExchange(ProtocolSession session, CancellationToken cancellationToken, bool isRetry = false)
        {
            _session = session;
            Token = cancellationToken;
            IsRetry = isRetry;
        }

        /// <summary>
        /// True when the operation runs again after a lost connection: an earlier run may have been carried out, so a
        /// delete that finds nothing has succeeded.
        /// </summary>
        public bool IsRetry { get; }

        public CancellationToken Token { get; }
        public string Device => _session.Device;
        public bool IsUdp => _session.TransportKind == ZkTransportKind.Udp;
        public ProtocolSession Session => _session;

        /// <summary>Sends one request and returns the first packet answering it.</summary>
        public Task<Packet> RequestAsync(
            ushort command,
            byte[]? payload = null,
            TimeSpan? timeout = null,
            int? retries = null
        ) =>
            _session.SendRequestAsync(
                command,
                payload,
                timeout ?? _session.Options.Timeout,
                retries ?? _session.Options.Retries,
                Token
            );

        /// <summary>Sends one request and requires ACK_OK.</summary>
        public async Task<Packet> RequestOkAsync(ushort command, byte[]? payload, string what)
        {
            var reply = await RequestAsync(command, payload).ConfigureAwait(false);
            return reply.EnsureOk(Device, command, what);
        }

        /// <summary>The next packet of the current request's reply (data streams).</summary>
        public Task<Packet> NextAsync(ushort command) =>
            _session.ReceiveFollowingAsync(command, _session.LastReplyId, Token);

        /// <summary>
        /// Firmware accepts an upload CMD_DATA only with reply id = previous + 1, computed without wrapping: true when
        /// the next request plus <paramref name="count"/> following ones would pass 65535.
        /// </summary>
        public bool WouldWrap(int count)
        {
            if (count > ushort.MaxValue)
                throw new ZkInvalidDataException(
                    $"A transfer of {count} packets exceeds the 65,535 reply ids of one sequence.",
                    null,
                    Device
                );
            return ReplyIds.Next(_session.LastReplyId) + count > ushort.MaxValue;
        }

        /// <summary>The next request gets reply id 65535 (jumping forward is always accepted), so the ones after it
        /// start again at 0.</summary>
        public void JumpToWrap() => _session.LastReplyId = ushort.MaxValue - 1;
    }
}
