using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Client
{
    /// <summary>
    /// Uploads keep the device's upload buffer after a successful consume: the next CMD_PREPARE_DATA replaces it
    /// (firmware frees the old buffer then), so one CMD_FREE_DATA before the device is enabled again or the session
    /// ends replaces one per upload. A refused consume or a failed upload still releases it at once (<see
    /// cref="BulkUploader"/>).
    /// </summary>
    public sealed partial class ZkDeviceClient
    {
        /// <summary>Uploads <paramref name="data"/> and runs <paramref name="consumeCommand"/> on it, keeping the
        /// buffer when it answered OK.</summary>
        private async Task<Packet> UploadAsync(
            ZkExchange exchange,
            byte[] data,
            ushort consumeCommand,
            byte[] consumePayload,
            string what,
            ZkUploadCheck check,
            IProgress<ZkTransferProgress>? progress = null
        )
        {
            var connection = _connection;
            bool current = ReferenceEquals(connection.Session, exchange.Session);
            if (current)
                connection.BufferHeld = false; // the prepare below replaces it, or a failure frees it
            var reply = await BulkUploader
                .UploadAndRunAsync(
                    exchange,
                    data,
                    consumeCommand,
                    consumePayload,
                    what,
                    progress,
                    checkHash: check == ZkUploadCheck.Hash,
                    keepBuffer: true
                )
                .ConfigureAwait(false);
            if (current && reply.Command == ReplyCode.Ok)
                connection.BufferHeld = true;
            return reply;
        }

        /// <summary>Releases a buffer still held on the current session, best effort (before enabling the device and
        /// before EXIT).</summary>
        private async Task ReleaseHeldBufferAsync()
        {
            var connection = _connection;
            var session = connection.Session;
            if (!connection.BufferHeld)
                return;
            connection.BufferHeld = false;
            if (!session.IsOpen)
                return;
            try
            {
                await session
                    .RunAsync(
                        exchange => exchange.RequestOkAsync(CommandCode.FreeData, null, "Releasing the upload buffer"),
                        System.Threading.CancellationToken.None
                    )
                    .ConfigureAwait(false);
            }
            catch (ZkException ex)
            {
                _logger.UploadBufferNotReleased(Device, ex.Reason);
            }
        }
    }
}
