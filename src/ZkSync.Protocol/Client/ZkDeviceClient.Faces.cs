using System;
using System.Collections.Generic;
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
        /// <summary>All face records of a user (command 150, index 50 = all). Empty when the user has none.</summary>
        public async Task<IReadOnlyList<ZkFaceRecord>> GetFacesAsync(
            string userId,
            CancellationToken cancellationToken = default
        )
        {
            RequireFaces(CommandCode.UserFaceRead);
            var request = FacePayload(userId, 0);
            var blob = await ReadAsync(
                    async exchange =>
                    {
                        try
                        {
                            return await LargeDataReceiver
                                .RequestAsync(
                                    exchange,
                                    CommandCode.UserFaceRead,
                                    request,
                                    $"Reading faces of user {userId}"
                                )
                                .ConfigureAwait(false);
                        }
                        catch (ZkDeviceErrorException ex) when (IsNoData(ex.ReplyCode))
                        {
                            return Array.Empty<byte>(); // unknown user or no faces: S2 answers 2001, ZMM 4993
                        }
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
            var faces = Decode(CommandCode.UserFaceRead, () => FaceRecordCodec.DecodeBlob(blob));
            foreach (var f in faces)
                f.UserId = userId;
            return faces;
        }

        /// <summary>
        /// Writes face records to an existing user: upload the blob, 119 hash, 151 [PIN2, 50, u16 length], 1502, 1013.
        /// The device overwrites each record's uid with the target user's and merges by FaceID, so with
        /// <paramref name="exact"/> the user's faces are deleted first (152).
        /// </summary>
        public Task WriteFacesAsync(
            string userId,
            IReadOnlyList<ZkFaceRecord> faces,
            bool exact = true,
            CancellationToken cancellationToken = default
        ) => WriteFacesAsync(userId, faces, exact, ZkUploadCheck.Hash, cancellationToken);

        /// <inheritdoc cref="WriteFacesAsync(string, IReadOnlyList{ZkFaceRecord}, bool, CancellationToken)"/>
        /// <param name="check">How the upload is checked before the device consumes it.</param>
        public async Task WriteFacesAsync(
            string userId,
            IReadOnlyList<ZkFaceRecord> faces,
            bool exact,
            ZkUploadCheck check,
            CancellationToken cancellationToken = default
        )
        {
            if (faces == null)
                throw new ArgumentNullException(nameof(faces));
            RequireFaces(CommandCode.UserFaceWrite);
            var blob = FaceRecordCodec.EncodeBlob(faces);
            if (blob.Length > ushort.MaxValue)
                throw Invalid(
                    $"{faces.Count} face records ({blob.Length} bytes) exceed the 65,535 bytes command 151 can "
                        + "announce.",
                    "Faces"
                );
            var request = FacePayload(userId, blob.Length);
            await RequireUserAsync(userId, cancellationToken).ConfigureAwait(false);
            await RunAsync(
                    async exchange =>
                    {
                        if (exact)
                            await DeleteFacesAsync(exchange, userId).ConfigureAwait(false);
                        if (blob.Length > 0)
                        {
                            var reply = await UploadAsync(
                                    exchange,
                                    blob,
                                    CommandCode.UserFaceWrite,
                                    request,
                                    $"face upload for user {userId}",
                                    check
                                )
                                .ConfigureAwait(false);
                            // S2 answers an empty or overrun buffer with OK and sub-code 1 or 3 in the session field.
                            if (
                                reply.Command == ReplyCode.Ok
                                && (reply.SessionId == 1 || reply.SessionId == 3)
                                && reply.SessionId != exchange.Session.SessionId
                            )
                                throw new ZkDeviceErrorException(
                                    $"Writing faces of user {userId}: the device found no usable upload buffer",
                                    reply.Command,
                                    reply.SessionId,
                                    Device,
                                    CommandCode.UserFaceWrite
                                );
                            reply.EnsureOk(
                                Device,
                                CommandCode.UserFaceWrite,
                                $"Writing {faces.Count} faces of user {userId}"
                            );
                        }
                        return await RefreshAfterWriteAsync(exchange).ConfigureAwait(false);
                    },
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false); // the same blob again: merged by FaceID
            _logger.WroteFaces(Device, faces.Count, blob.Length, userId);
        }

        /// <summary>Deletes all faces of a user (command 152), then refreshes.</summary>
        public async Task DeleteFacesAsync(string userId, CancellationToken cancellationToken = default)
        {
            RequireFaces(CommandCode.UserFaceDelete);
            FacePayload(userId, 0);
            await RunAsync(
                    async exchange =>
                    {
                        await DeleteFacesAsync(exchange, userId).ConfigureAwait(false);
                        return await RefreshAfterWriteAsync(exchange).ConfigureAwait(false);
                    },
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        private async Task DeleteFacesAsync(ZkExchange exchange, string userId)
        {
            var reply = await exchange
                .RequestAsync(CommandCode.UserFaceDelete, FacePayload(userId, 0))
                .ConfigureAwait(false);
            if (reply.Command == ReplyCode.Error && reply.SessionId == 2)
                throw Invalid($"User '{userId}' does not exist on the device.", "UserId");
            reply.EnsureOk(Device, CommandCode.UserFaceDelete, $"Deleting faces of user {userId}");
        }

        private byte[] FacePayload(string userId, int blobLength)
        {
            ValidateUserId(userId);
            return PinPayload.FaceRequest(userId, blobLength);
        }

        private void RequireFaces(ushort command)
        {
            RequireOpen();
            if (!Capabilities.FaceSupported)
                throw new ZkNotSupportedException(
                    "This device has no face templates (FaceFunOn is not 1).",
                    Device,
                    command
                );
        }
    }
}
