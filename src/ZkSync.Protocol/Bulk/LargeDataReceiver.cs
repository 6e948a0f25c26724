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
        /// UDP: the session id, which an inline CMD_DATA carries where a chunk carries its index; a chunk arriving
        /// first means the announcement was lost (it must not pass for a whole reply).
        /// </param>
        public static async Task<byte[]> ReceiveAsync(
            Packet first,
            Func<Task<Packet>> next,
            string device,
            ushort command,
            string what,
            ushort? sessionId = null
        )
        {
            switch (first.Command)
            {
                case CommandCode.Data when sessionId is ushort id && first.SessionId != id:
                    throw new ZkMalformedReplyException(
                        $"{what}: data chunk {first.SessionId} arrived without its announcement (a datagram was lost).",
                        device,
                        command
                    );
                case CommandCode.Data:
                case ReplyCode.Ok:
                    return first.Payload;
                case CommandCode.PrepareData:
                    break;
                default:
                    throw ReplyCheck.Failure(first, device, command, what);
            }
            int size = AnnouncedSize(first, device, command, what);
            // Grow as data arrives rather than trusting the announcement with one big allocation.
            var data = new MemoryStream(Math.Min(size, 1024 * 1024));
            while (data.Length < size)
            {
                var packet = await next().ConfigureAwait(false);
                if (packet.Command == CommandCode.Data)
                {
                    if (data.Length + packet.Payload.Length > size)
                        throw new ZkMalformedReplyException(
                            $"{what}: the device sent {data.Length + packet.Payload.Length} bytes after announcing "
                                + $"{size}.",
                            device,
                            command
                        );
                    data.Write(packet.Payload, 0, packet.Payload.Length);
                }
                else if (packet.Command == ReplyCode.Ok)
                {
                    throw new ZkMalformedReplyException(
                        $"{what}: the data stream ended after {data.Length} of {size} announced bytes.",
                        device,
                        command
                    );
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
                    throw new ZkMalformedReplyException(
                        $"{what}: the device sent more data than the {size} bytes it announced.",
                        device,
                        command
                    );
                throw ReplyCheck.Failure(end, device, command, what);
            }
            return data.ToArray();
        }

        /// <summary>
        /// Sends <paramref name="command"/> and collects its large-data reply. Over UDP the request itself is re-sent
        /// on the
        /// session's learned timer; a stream that then loses a datagram is asked for again under a NEW reply id:
        /// firmware
        /// caches only the final packet of a stream, so a same-id resend would bring back a bare ACK_OK. These reads
        /// are
        /// idempotent, so re-asking is safe, and the chunks of each answer fill the holes the earlier ones left (same
        /// announced size and chunk size), so a 40-datagram face set completes even where every answer loses one.
        /// Whole-table reads do better still: <see cref="BulkReader"/> asks for just the missing chunks by offset.
        /// </summary>
        public static async Task<byte[]> RequestAsync(
            ZkExchange exchange,
            ushort command,
            byte[]? payload,
            string what,
            int? expectedLength = null
        )
        {
            if (!exchange.IsUdp)
            {
                var first = await exchange.RequestAsync(command, payload).ConfigureAwait(false);
                var data = await ReceiveAsync(first, () => exchange.NextAsync(command), exchange.Device, command, what)
                    .ConfigureAwait(false);
                return CheckLength(data, expectedLength, exchange.Device, command, what);
            }
            int attemptsLeft = 4 * (1 + exchange.Session.Options.Retries);
            UdpStream? partial = null;
            while (true)
            {
                try
                {
                    var stream = await RequestUdpAsync(exchange, command, payload, what, partial).ConfigureAwait(false);
                    partial = stream;
                    if (stream.IsComplete)
                        return CheckLength(stream.Assemble(), expectedLength, exchange.Device, command, what);
                    exchange.Session.Traffic.StreamRepairs++;
                    if (--attemptsLeft <= 0)
                        throw new ZkTimeoutException(
                            $"{what}: datagrams of the reply were lost on every one of "
                                + $"{4 * (1 + exchange.Session.Options.Retries)} attempts.",
                            exchange.Device,
                            command
                        );
                }
                catch (ZkMalformedReplyException) when (--attemptsLeft > 0) { }
            }
        }

        /// <summary>
        /// UDP: sends the request (re-sent on the learned timer) and collects what arrives of its reply, into
        /// <paramref name="partial"/> when that is an earlier answer to the same request of the same shape.
        /// </summary>
        internal static async Task<UdpStream> RequestUdpAsync(ZkExchange exchange, ushort command, byte[]? payload,
            string what, UdpStream? partial = null)
        {
            var first = await exchange.RequestAsync(command, payload).ConfigureAwait(false);
            return await ReceiveUdpAsync(exchange, first, command, what, partial).ConfigureAwait(false);
        }

        /// <summary>
        /// UDP: the chunks of one large-data reply placed by their index, until the closing ACK_OK, every chunk, or a
        /// stall longer than the session's learned gap between packets. What was lost is left as holes.
        /// </summary>
        private static async Task<UdpStream> ReceiveUdpAsync(ZkExchange exchange, Packet first, ushort command,
            string what, UdpStream? partial)
        {
            string device = exchange.Device;
            switch (first.Command)
            {
                case CommandCode.Data when first.SessionId != exchange.Session.SessionId && partial != null:
                    // The announcement was lost, but an earlier answer told the size: this chunk and the rest still
                    // count.
                    if (!partial.Put(first.SessionId, first.Payload))
                        throw new ZkMalformedReplyException(
                            $"{what}: chunk {first.SessionId} of {first.Payload.Length} bytes does not fit the "
                                + "earlier announcement.",
                            device,
                            command
                        );
                    return await ReceiveChunksAsync(exchange, partial, command, what).ConfigureAwait(false);
                case CommandCode.Data when first.SessionId != exchange.Session.SessionId:
                    throw new ZkMalformedReplyException(
                        $"{what}: data chunk {first.SessionId} arrived without its announcement (a datagram was lost).",
                        device,
                        command
                    );
                case CommandCode.Data:
                    return UdpStream.Whole(first.Payload);
                case ReplyCode.Ok when first.Payload.Length == 0:
                    // The cached final packet of a stream whose other packets were all lost: not an empty answer.
                    throw new ZkMalformedReplyException(
                        $"{what}: the closing packet of a data stream arrived without the data (datagrams were lost).",
                        device,
                        command
                    );
                case ReplyCode.Ok:
                    return UdpStream.Whole(first.Payload);
                case CommandCode.PrepareData:
                    break;
                default:
                    throw ReplyCheck.Failure(first, device, command, what);
            }
            int size = AnnouncedSize(first, device, command, what);
            // Firmware sends 1,024-byte chunks over UDP and says so after the size; older replies carry the size alone.
            uint announcedChunk =
                first.Payload.Length >= 8 ? LittleEndian.U32(first.Payload, 4) : BulkUploader.UdpSlice;
            if (announcedChunk == 0 || announcedChunk > ushort.MaxValue)
                throw new ZkMalformedReplyException(
                    $"{what}: the device announces {announcedChunk}-byte chunks.",
                    device,
                    command
                );
            var stream =
                partial != null && partial.Size == size && partial.PieceSize == announcedChunk
                    ? partial
                    : new UdpStream(size, (int)announcedChunk);
            return await ReceiveChunksAsync(exchange, stream, command, what).ConfigureAwait(false);
        }

        private static async Task<UdpStream> ReceiveChunksAsync(
            ZkExchange exchange,
            UdpStream stream,
            ushort command,
            string what
        )
        {
            string device = exchange.Device;
            ushort replyId = exchange.Session.LastReplyId;
            while (!stream.IsComplete)
            {
                var packet = await exchange
                    .Session.TryReceiveStreamPacketAsync(command, replyId, exchange.Token)
                    .ConfigureAwait(false);
                if (packet == null || packet.Command == ReplyCode.Ok)
                    break;
                if (packet.Command != CommandCode.Data)
                    throw ReplyCheck.Failure(packet, device, command, what);
                if (!stream.Put(packet.SessionId, packet.Payload))
                    throw new ZkMalformedReplyException(
                        $"{what}: chunk {packet.SessionId} of {packet.Payload.Length} bytes does not fit the "
                            + $"{stream.Size} bytes announced in {stream.PieceSize}-byte chunks.",
                        device,
                        command
                    );
            }
            return stream;
        }

        private static int AnnouncedSize(Packet first, string device, ushort command, string what)
        {
            if (first.Payload.Length < 4)
                throw new ZkMalformedReplyException(
                    $"{what}: data announcement of {first.Payload.Length} bytes has no size.",
                    device,
                    command
                );
            uint announced = LittleEndian.U32(first.Payload, 0);
            if (announced > MaxSize)
                throw new ZkMalformedReplyException(
                    $"{what}: the device announces {announced} bytes (limit {MaxSize}).",
                    device,
                    command
                );
            return (int)announced;
        }

        private static byte[] CheckLength(byte[] data, int? expectedLength, string device, ushort command, string what)
        {
            if (expectedLength is int n && data.Length != n)
                throw new ZkMalformedReplyException($"{what}: got {data.Length} bytes, expected {n}.", device, command);
            return data;
        }
    }
}
