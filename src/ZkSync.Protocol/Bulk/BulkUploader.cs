using System;
using System.Threading.Tasks;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Bulk
{
    /// <summary>
    /// Uploads a buffer and hands it to a consuming command (docs/protocol.md §4):
    /// 1500 [u32 size], 1501 slices with consecutive reply ids, 119 [u32 hash] (the device checks it),
    /// the consuming command, 1502. The caller checks the consuming reply and refreshes (1013) as its flow needs.
    /// pyzk sends 1502 before 1500 instead; no release is needed there, because firmware frees an old buffer when the
    /// next one is prepared (docs/protocol.md §7). So a caller that uploads many items may keep the buffer after a
    /// successful consume and release it once at the end (<c>keepBuffer</c>); a failure always releases it here.
    /// </summary>
    internal static class BulkUploader
    {
        /// <summary>
        /// Firmware reads a TCP frame into a 65,536-byte buffer, so 65,528 bytes (minus the 8-byte header) is the most
        /// one packet can carry; fpmachine sends whole 38-46 KB face blobs in one packet to ZMM devices. Fewer, larger
        /// slices mean fewer round trips.
        /// </summary>
        public const int TcpSlice = 65528;

        /// <summary>pyzk's slice and firmware's UDP data size; one datagram, no IP fragmentation issues beyond
        /// that.</summary>
        public const int UdpSlice = 1024;

        /// <param name="checkHash">Send 119 with the buffer's hash before consuming it; off when the caller reads the
        /// written item back.</param>
        /// <param name="keepBuffer">
        /// After a consuming command answered OK, leave the buffer allocated instead of releasing it (1502): the next
        /// 1500 replaces it, and the caller releases it once at the end. A refused consume or any failure still
        /// releases it here.
        /// </param>
        public static async Task<Packet> UploadAndRunAsync(
            ZkExchange exchange,
            byte[] data,
            ushort consumeCommand,
            byte[] consumePayload,
            string what,
            IProgress<ZkTransferProgress>? progress = null,
            bool checkHash = true,
            bool keepBuffer = false
        )
        {
            int slice = exchange.IsUdp ? UdpSlice : TcpSlice;
            int slices = (data.Length + slice - 1) / slice;
            // 1500 and every 1501 must carry consecutive reply ids that do not wrap (firmware: previous + 1, no wrap):
            // near the wrap, spend 65535 on a release (always OK) so they start again at 0.
            if (exchange.WouldWrap(slices))
            {
                exchange.JumpToWrap();
                await exchange
                    .RequestOkAsync(CommandCode.FreeData, null, what + ": release the device buffer")
                    .ConfigureAwait(false);
            }
            bool prepared = false;
            try
            {
                await exchange
                    .RequestOkAsync(
                        CommandCode.PrepareData,
                        BulkPayloads.PrepareData(data.Length),
                        $"{what}: reserve {data.Length} bytes on the device"
                    )
                    .ConfigureAwait(false);
                prepared = true;
                for (int offset = 0; offset < data.Length; offset += slice)
                {
                    int length = Math.Min(slice, data.Length - offset);
                    var part = new byte[length];
                    Buffer.BlockCopy(data, offset, part, 0, length);
                    await exchange
                        .RequestOkAsync(CommandCode.Data, part, $"{what}: upload bytes {offset}-{offset + length - 1}")
                        .ConfigureAwait(false);
                    progress?.Report(new ZkTransferProgress(what, offset + length, data.Length));
                }
                if (checkHash)
                    await CheckHashAsync(exchange, data, what).ConfigureAwait(false);
                var consumed = await exchange.RequestAsync(consumeCommand, consumePayload).ConfigureAwait(false);
                if (!keepBuffer || consumed.Command != ReplyCode.Ok)
                    await exchange
                        .RequestOkAsync(CommandCode.FreeData, null, what + ": release the device buffer")
                        .ConfigureAwait(false);
                prepared = false;
                return consumed;
            }
            finally
            {
                if (prepared) await BulkReader.TryFreeAsync(exchange).ConfigureAwait(false);
            }
        }

        private static async Task CheckHashAsync(ZkExchange exchange, byte[] data, string what)
        {
            var hash = new byte[4];
            LittleEndian.Put(hash, 0, BufferHash.Compute(data));
            var reply = await exchange.RequestAsync(CommandCode.HashData, hash).ConfigureAwait(false);
            if (reply.Command == ReplyCode.Ok)
                return;
            if (reply.Command == ReplyCode.Unknown)
                return; // firmware without 119: nothing to check against
            throw new ZkDeviceErrorException(
                $"{what}: the device's copy of the {data.Length}-byte upload has a different hash (data corrupted in "
                    + "transfer)",
                reply.Command,
                reply.SessionId,
                exchange.Device,
                CommandCode.HashData
            );
        }
    }
}
