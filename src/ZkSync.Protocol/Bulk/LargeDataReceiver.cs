using System;
using System.IO;
using System.Threading.Tasks;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Bulk
{
    /// <summary>
    /// Collects one "large data" reply (docs/protocol.md §4): CMD_DATA inline (done); ACK_OK with data inline
    /// (done); CMD_PREPARE_DATA [u32 size][u32 max chunk] then CMD_DATA payloads up to exactly that size, closed by
    /// ACK_OK; any error code becomes a typed error. The announced chunk size is ignored (firmware-dependent).
    /// </summary>
    internal static class LargeDataReceiver
    {
        /// <summary>Largest single reply we accept (a 1 MB photo or a 64 KB bulk chunk fit many times over).</summary>
        public const int MaxSize = 64 * 1024 * 1024;

        /// <param name="sessionId">
        /// UDP: the session id, which an inline CMD_DATA carries where a chunk carries its index; a chunk arriving first
        /// means the announcement was lost (it must not pass for a whole reply).
        /// </param>
        public static async Task<byte[]> ReceiveAsync(Packet first, Func<Task<Packet>> next, string device, ushort command, string what, ushort? sessionId = null)
        {
            switch (first.Command)
            {
                case CommandCode.Data when sessionId is ushort id && first.SessionId != id:
                    throw new ZkMalformedReplyException($"{what}: data chunk {first.SessionId} arrived without its announcement (a datagram was lost).", device, command);
                case CommandCode.Data:
                case ReplyCode.Ok:
                    return first.Payload;
                case CommandCode.PrepareData:
                    break;
                default:
                    throw ReplyCheck.Failure(first, device, command, what);
            }
            if (first.Payload.Length < 4)
                throw new ZkMalformedReplyException($"{what}: data announcement of {first.Payload.Length} bytes has no size.", device, command);
            uint announced = LittleEndian.U32(first.Payload, 0);
            if (announced > MaxSize)
                throw new ZkMalformedReplyException($"{what}: the device announces {announced} bytes (limit {MaxSize}).", device, command);
            int size = (int)announced;
            // Grow as data arrives rather than trusting the announcement with one big allocation.
            var data = new MemoryStream(Math.Min(size, 1024 * 1024));
            while (data.Length < size)
            {
                var packet = await next().ConfigureAwait(false);
                if (packet.Command == CommandCode.Data)
                {
                    if (data.Length + packet.Payload.Length > size)
                        throw new ZkMalformedReplyException($"{what}: the device sent {data.Length + packet.Payload.Length} bytes after announcing {size}.", device, command);
                    data.Write(packet.Payload, 0, packet.Payload.Length);
                }
                else if (packet.Command == ReplyCode.Ok)
                {
                    throw new ZkMalformedReplyException($"{what}: the data stream ended after {data.Length} of {size} announced bytes.", device, command);
                }
                else
                {
                    throw ReplyCheck.Failure(packet, device, command, what);
                }
            }
            var end = await next().ConfigureAwait(false);
            if (end.Command != ReplyCode.Ok)
            {
                if (end.Command == CommandCode.Data)
                    throw new ZkMalformedReplyException($"{what}: the device sent more data than the {size} bytes it announced.", device, command);
                throw ReplyCheck.Failure(end, device, command, what);
            }
            return data.ToArray();
        }

        /// <summary>
        /// Sends <paramref name="command"/> and collects its large-data reply. Over UDP a lost datagram is recovered by
        /// asking again under a NEW reply id: firmware caches only the final packet of a stream, so a same-id resend
        /// would bring back a bare ACK_OK that looks like "no data". These reads are idempotent, so re-asking is safe.
        /// A device that stays silent gets 1 + Retries attempts; one that answers but loses a datagram of a long stream
        /// (a 38 KB face set is 38 datagrams) gets four times as many, since every datagram is another chance to lose one.
        /// </summary>
        public static async Task<byte[]> RequestAsync(ZkExchange exchange, ushort command, byte[]? payload, string what, int? expectedLength = null)
        {
            int silentLeft = exchange.IsUdp ? 1 + exchange.Session.Options.Retries : 1;
            int brokenLeft = exchange.IsUdp ? 4 * (1 + exchange.Session.Options.Retries) : 1;
            while (true)
            {
                bool answered = false;
                try
                {
                    var first = await exchange.RequestAsync(command, payload, null, 0).ConfigureAwait(false);
                    answered = true;
                    var data = await ReceiveAsync(first, () => exchange.NextAsync(command), exchange.Device, command, what, exchange.IsUdp ? exchange.Session.SessionId : (ushort?)null).ConfigureAwait(false);
                    if (expectedLength is int n && data.Length != n)
                        throw new ZkMalformedReplyException($"{what}: got {data.Length} bytes, expected {n}.", exchange.Device, command);
                    return data;
                }
                catch (Exception ex) when (ex is ZkTimeoutException || ex is ZkMalformedReplyException)
                {
                    if (answered ? --brokenLeft <= 0 : --silentLeft <= 0) throw;
                }
            }
        }
    }
}
