using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Client
{
    public sealed partial class ZkDeviceClient
    {
        /// <summary>
        /// Where older TFT firmware keeps user photos, relative to its data folder: network uploads of
        /// "&lt;PIN2&gt;.jpg" land in the photo folder, and 1702 resolves names below /mnt/mtdblock/ (docs/protocol.md
        /// §12; inferred).
        /// </summary>
        internal const string FilePhotoFolder = "photo/";

        /// <summary>The user's JPEG, or null when the user has no photo.</summary>
        public async Task<byte[]?> GetPhotoAsync(string userId, CancellationToken cancellationToken = default)
        {
            var family = RequirePhotos(CommandCode.UserPhotoRead);
            ValidateUserId(userId);
            string name = PinPayload.PhotoFileName(userId);
            ushort command = family == PhotoCommandFamily.Zmm ? CommandCode.UserPhotoRead : CommandCode.ReadFile;
            var request = PinPayload.FileName(family == PhotoCommandFamily.Zmm ? name : FilePhotoFolder + name);
            var data = await ReadAsync(
                    async exchange =>
                    {
                        try
                        {
                            return await LargeDataReceiver
                                .RequestAsync(exchange, command, request, $"Reading the photo of user {userId}")
                                .ConfigureAwait(false);
                        }
                        catch (ZkDeviceErrorException ex)
                            when (ex.ReplyCode == ReplyCode.NoPicture || IsNoData(ex.ReplyCode))
                        {
                            return null;
                        }
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
            return data == null || data.Length == 0 ? null : data;
        }

        /// <summary>
        /// Uploads a user photo: checks the JPEG markers and the size limit before anything is sent, then
        /// upload + 119 + (10009 on ZMM | 110/1700 on older TFT) + 1502 + 1013.
        /// </summary>
        public Task SetPhotoAsync(string userId, byte[] jpeg, CancellationToken cancellationToken = default) =>
            SetPhotoAsync(userId, jpeg, ZkUploadCheck.Hash, cancellationToken);

        /// <inheritdoc cref="SetPhotoAsync(string, byte[], CancellationToken)"/>
        /// <param name="check">How the upload is checked before the device consumes it.</param>
        public async Task SetPhotoAsync(
            string userId,
            byte[] jpeg,
            ZkUploadCheck check,
            CancellationToken cancellationToken = default
        )
        {
            if (jpeg == null)
                throw new ArgumentNullException(nameof(jpeg));
            var family = RequirePhotos(CommandCode.UserPhotoWrite);
            ValidateUserId(userId);
            CheckJpeg(jpeg);
            string name = PinPayload.PhotoFileName(userId);
            ushort command =
                family == PhotoCommandFamily.Zmm ? CommandCode.UserPhotoWrite : CommandCode.ApplyUploadBuffer;
            var request = family == PhotoCommandFamily.Zmm ? PinPayload.PhotoWrite(userId) : PinPayload.FileWrite(name);
            await RequireUserAsync(userId, cancellationToken).ConfigureAwait(false);
            await RunAsync(
                    async exchange =>
                    {
                        var reply = await UploadAsync(
                                exchange,
                                jpeg,
                                command,
                                request,
                                $"photo upload for user {userId}",
                                check
                            )
                            .ConfigureAwait(false);
                        reply.EnsureOk(Device, command, $"Storing the photo of user {userId}");
                        return await RefreshAfterWriteAsync(exchange).ConfigureAwait(false);
                    },
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false);
            _logger.StoredPhoto(Device, jpeg.Length, userId);
        }

        /// <summary>Deletes a user photo (ZMM command 10011). False when the user had none.</summary>
        public async Task<bool> DeletePhotoAsync(string userId, CancellationToken cancellationToken = default)
        {
            var family = RequirePhotos(CommandCode.UserPhotoDelete);
            if (family != PhotoCommandFamily.Zmm)
                throw new ZkNotSupportedException(
                    "This firmware stores photos as files and has no command to delete one; deleting the user removes "
                        + "its photo.",
                    Device,
                    CommandCode.UserPhotoDelete
                );
            ValidateUserId(userId);
            var request = PinPayload.FileName(PinPayload.PhotoFileName(userId));
            return await RunAsync(
                    async exchange =>
                    {
                        var reply = await exchange
                            .RequestAsync(CommandCode.UserPhotoDelete, request)
                            .ConfigureAwait(false);
                        bool absent = reply.Command == ReplyCode.NoPicture || reply.Command == ReplyCode.Error;
                        if (absent && !exchange.IsRetry)
                            return false; // on a repeat, "no photo" means the first run deleted it
                        if (!absent)
                            reply.EnsureOk(Device, CommandCode.UserPhotoDelete, $"Deleting the photo of user {userId}");
                        await RefreshAfterWriteAsync(exchange).ConfigureAwait(false);
                        return true;
                    },
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        private void CheckJpeg(byte[] jpeg)
        {
            if (
                jpeg.Length < 4
                || jpeg[0] != 0xFF
                || jpeg[1] != 0xD8
                || jpeg[jpeg.Length - 2] != 0xFF
                || jpeg[jpeg.Length - 1] != 0xD9
            )
                throw Invalid("The photo is not a JPEG: it must start with FF D8 and end with FF D9.", "Photo");
            if (Capabilities.MaxPhotoBytes > 0 && jpeg.Length > Capabilities.MaxPhotoBytes)
                throw Invalid(
                    $"The photo is {jpeg.Length} bytes; this device takes at most {Capabilities.MaxPhotoBytes}.",
                    "Photo"
                );
        }

        private PhotoCommandFamily RequirePhotos(ushort command)
        {
            RequireOpen();
            if (!Capabilities.PhotoSupported)
                throw new ZkNotSupportedException(
                    "This device has no user photos (PhotoFunOn is not 1 and the platform is not ZMM).",
                    Device,
                    command
                );
            return Capabilities.PhotoFamily;
        }
    }
}
