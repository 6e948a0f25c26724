using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Bulk
{
    /// <summary>
    /// Reads a whole table (docs/protocol.md §4): 1503 → the buffer inline (CMD_DATA) or a 13-byte announcement; then
    /// 1504 chunks, the buffer hash checked against the announcement, and 1502 to release the device's buffer.
    /// </summary>
    internal static class BulkReader
    {
        /// <summary>pyzk's TCP chunk: below firmware's 65,528-byte frame limit, so each 1504 answer is one CMD_DATA
        /// there.</summary>
        public const int TcpChunk = 65472;

        /// <summary>pyzk's UDP chunk: 16 datagrams of 1,024 bytes per request keeps a lost datagram cheap to
        /// redo.</summary>
        public const int UdpChunk = 16384;

        /// <summary>Largest table we accept (a full 100,000-record attendance log is 4 MB).</summary>
        public const int MaxBufferSize = 256 * 1024 * 1024;

        public static async Task<byte[]> ReadAsync(
            ZkExchange exchange,
            BulkReadTarget target,
            string what,
            IProgress<ZkTransferProgress>? progress = null
        )
        {
            var first = await exchange
                .RequestAsync(CommandCode.PrepareBuffer, BulkPayloads.PrepareRequest(target))
                .ConfigureAwait(false);
            if (first.Command == CommandCode.Data)
                return first.Payload; // small buffers come inline: nothing to free
            if (first.Command != ReplyCode.Ok)
                throw ReplyCheck.Failure(first, exchange.Device, CommandCode.PrepareBuffer, what);
            var announcement = ParseAnnouncement(first.Payload, exchange.Device, what);

            bool done = false;
            try
            {
                var buffer = await ReadChunksAsync(exchange, announcement.Size, what, progress).ConfigureAwait(false);
                if (announcement.Hash is uint expected)
                {
                    uint actual = BufferHash.Compute(buffer);
                    if (actual != expected)
                        throw new ZkMalformedReplyException(
                            $"{what}: buffer hash 0x{actual:X8} differs from the announced 0x{expected:X8}; data was "
                                + "corrupted.",
                            exchange.Device,
                            CommandCode.ReadBuffer
                        );
                }
                await exchange
                    .RequestOkAsync(CommandCode.FreeData, null, what + ": release the device buffer")
                    .ConfigureAwait(false);
                done = true;
                return buffer;
            }
            finally
            {
                if (!done) await TryFreeAsync(exchange).ConfigureAwait(false);
            }
        }

        /// <summary>Size and (when present) hash from a 1503 announcement (V22: flag, size, size, hash).</summary>
        public static (int Size, uint? Hash) ParseAnnouncement(byte[] payload, string device, string what)
        {
            try
            {
                BulkPayloads.DecodeAnnouncement(payload, out int size, out uint hash);
                if (size > MaxBufferSize)
                    throw new ZkMalformedReplyException(
                        $"{what}: the device announces a {size}-byte buffer (limit {MaxBufferSize}).",
                        device,
                        CommandCode.PrepareBuffer
                    );
                return (size, payload.Length >= BulkPayloads.AnnouncementSize ? hash : (uint?)null);
            }
            catch (ZkMalformedReplyException ex) when (ex.Device == null)
            {
                throw new ZkMalformedReplyException($"{what}: {ex.Reason}", device, CommandCode.PrepareBuffer, ex);
            }
        }

        /// <summary>Best-effort CMD_FREE_DATA after a failed transfer; the original error is what matters.</summary>
        public static async Task TryFreeAsync(ZkExchange exchange)
        {
            if (!exchange.Session.IsOpen || exchange.Token.IsCancellationRequested)
                return;
            try
            {
                await exchange.RequestAsync(CommandCode.FreeData, null, null, 0).ConfigureAwait(false);
            }
            catch (ZkException) { }
        }

        private static async Task<byte[]> ReadChunksAsync(
            ZkExchange exchange,
            int size,
            string what,
            IProgress<ZkTransferProgress>? progress
        )
        {
            int chunk = exchange.IsUdp ? UdpChunk : TcpChunk;
            var buffer = new MemoryStream(Math.Min(size, 4 * 1024 * 1024));
            while (buffer.Length < size)
            {
                int offset = (int)buffer.Length;
                int length = Math.Min(chunk, size - offset);
                var part = await ReadChunkAsync(exchange, offset, length, what).ConfigureAwait(false);
                buffer.Write(part, 0, part.Length);
                progress?.Report(new ZkTransferProgress(what, buffer.Length, size));
            }
            return buffer.ToArray();
        }

        /// <summary>One 1504 request; over UDP a lost datagram costs only its own chunk (<see
        /// cref="ReadChunkUdpAsync"/>).</summary>
        private static Task<byte[]> ReadChunkAsync(ZkExchange exchange, int offset, int length, string what) =>
            exchange.IsUdp ? ReadChunkUdpAsync(exchange, offset, length, what)
            : LargeDataReceiver.RequestAsync(exchange, CommandCode.ReadBuffer, BulkPayloads.ReadChunkRequest(offset,
                length), $"{what} (bytes {offset}-{offset + length - 1})", length);

        /// <summary>
        /// UDP: 1504 for the window, then 1504 again for each run of chunks its stream lost, by offset, until the
        /// window
        /// is whole. A reply that brings nothing new (announcement lost, all chunks lost) counts against
        /// 4 × (1 + Retries) attempts, as whole-reply reads do.
        /// </summary>
        private static async Task<byte[]> ReadChunkUdpAsync(ZkExchange exchange, int offset, int length, string what)
        {
            var window = new byte[length];
            var missing = new Queue<(int Offset, int Length)>();
            missing.Enqueue((0, length));
            int fruitlessLeft = 4 * (1 + exchange.Session.Options.Retries);
            while (missing.Count > 0)
            {
                var (start, count) = missing.Dequeue();
                string part = $"{what} (bytes {offset + start}-{offset + start + count - 1})";
                UdpStream stream;
                try
                {
                    stream = await LargeDataReceiver.RequestUdpAsync(exchange, CommandCode.ReadBuffer,
                        BulkPayloads.ReadChunkRequest(offset + start, count), part).ConfigureAwait(false);
                    if (stream.Size != count)
                        throw new ZkMalformedReplyException($"{part}: got {stream.Size} bytes, expected {count}.",
                            exchange.Device, CommandCode.ReadBuffer);
                }
                catch (ZkMalformedReplyException) when (--fruitlessLeft > 0)
                {
                    missing.Enqueue((start, count));
                    continue;
                }
                stream.CopyReceivedTo(window, start);
                if (stream.IsComplete)
                    continue;
                exchange.Session.Traffic.StreamRepairs++;
                if (stream.Received == 0 && --fruitlessLeft <= 0)
                    throw new ZkTimeoutException(
                        $"{part}: every datagram of the reply was lost, {4 * (1 + exchange.Session.Options.Retries)} "
                            + "times.",
                        exchange.Device,
                        CommandCode.ReadBuffer
                    );
                foreach (var (holeOffset, holeLength) in stream.MissingRanges())
                    missing.Enqueue((start + holeOffset, holeLength));
            }
            return window;
        }
    }
}
