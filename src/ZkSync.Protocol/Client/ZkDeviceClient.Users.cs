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
        /// <summary>All users in one bulk read. Also refreshes this connection's user id ↔ uid table.</summary>
        public async Task<IReadOnlyList<ZkUser>> GetUsersAsync(CancellationToken cancellationToken = default)
        {
            var counts = await GetCountsAsync(cancellationToken).ConfigureAwait(false);
            var users = new List<ZkUser>();
            var buffer =
                counts.Users == 0
                    ? null
                    : await ReadTableAsync(BulkReadTarget.Users, "user table", cancellationToken).ConfigureAwait(false);
            if (buffer != null && buffer.Length >= 4 && LittleEndian.U32(buffer, 0) > 0)
            {
                var format = Capabilities.UserFormat;
                users = Decode(CommandCode.ReadBuffer, () =>
                    UserRecordCodec.DecodeTable(buffer, counts.Users, _encoding, out format)
                );
                Capabilities.UserFormat = format;
            }
            _connection.Users = new UserTable(users);
            return users;
        }

        /// <summary>
        /// Creates or updates the user with <see cref="ZkUser.UserId"/> (its Uid is ignored): an existing user keeps
        /// its uid, a new one gets the lowest free uid. CMD_USER_WRQ then CMD_REFRESHDATA.
        /// </summary>
        public Task<UserWriteResult> SetUserAsync(ZkUser user, CancellationToken cancellationToken = default) =>
            SetUserAsync(user, Options.Truncation, cancellationToken);

        /// <summary>As <see cref="SetUserAsync(ZkUser, CancellationToken)"/>, with this write's own <paramref
        /// name="truncation"/> instead of the connection's.</summary>
        public async Task<UserWriteResult> SetUserAsync(
            ZkUser user,
            TruncationMode truncation,
            CancellationToken cancellationToken = default
        )
        {
            if (user == null)
                throw new ArgumentNullException(nameof(user));
            var truncations = new List<FieldTruncation>();
            // Everything that can be refused locally is checked before the first packet.
            var record = EncodeUser(user, 0, truncations, truncation);
            var table = await EnsureUserTableAsync(cancellationToken).ConfigureAwait(false);
            bool created = !table.TryGetByUserId(user.UserId, out var existing);
            ushort uid = created ? FirstFreeUid(table) : existing.Uid;
            LittleEndian.Put(record, 0, uid);

            await RunAsync(
                    async exchange =>
                    {
                        var reply = await exchange.RequestAsync(CommandCode.UserWrite, record).ConfigureAwait(false);
                        if (reply.Command != ReplyCode.Ok)
                        {
                            string why =
                                reply.Command == ReplyCode.Error && reply.SessionId == 1
                                    ? $"Writing user {user.UserId} (uid {uid}): the device has this user id under "
                                        + "another uid"
                                    : $"Writing user {user.UserId} (uid {uid})";
                            throw ReplyCheck.Failure(reply, Device, CommandCode.UserWrite, why);
                        }
                        return await RefreshAfterWriteAsync(exchange).ConfigureAwait(false);
                    },
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false); // the same record under the same uid again

            table.Upsert(UserRecordCodec.Decode(record, 0, Capabilities.UserFormat, _encoding));
            return new UserWriteResult(user.UserId, uid, created, truncations);
        }

        /// <summary>Deletes a user (and, on the device, its fingerprints, faces and photo). False when no such
        /// user.</summary>
        public async Task<bool> DeleteUserAsync(string userId, CancellationToken cancellationToken = default)
        {
            var table = await EnsureUserTableAsync(cancellationToken).ConfigureAwait(false);
            if (!table.TryGetByUserId(userId, out var user))
                return false;
            var payload = new byte[2];
            LittleEndian.Put(payload, 0, user.Uid);
            bool deleted = await RunAsync(
                    async exchange =>
                    {
                        var reply = await exchange.RequestAsync(CommandCode.DeleteUser, payload).ConfigureAwait(false);
                        // Firmware: no such uid. The table was stale, or, on a repeat, the first run deleted it.
                        if (reply.Command == ReplyCode.Error && !exchange.IsRetry)
                            return false;
                        if (reply.Command != ReplyCode.Error)
                            reply.EnsureOk(Device, CommandCode.DeleteUser, $"Deleting user {userId} (uid {user.Uid})");
                        await RefreshAfterWriteAsync(exchange).ConfigureAwait(false);
                        return true;
                    },
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false);
            table.Remove(user);
            return deleted;
        }

        /// <summary>The user table of this connection, read once when first needed.</summary>
        private async Task<UserTable> EnsureUserTableAsync(CancellationToken cancellationToken)
        {
            if (_connection.Users == null) await GetUsersAsync(cancellationToken).ConfigureAwait(false);
            return _connection.Users!;
        }

        private async Task<ZkUser> RequireUserAsync(string userId, CancellationToken cancellationToken)
        {
            var table = await EnsureUserTableAsync(cancellationToken).ConfigureAwait(false);
            if (!table.TryGetByUserId(userId, out var user))
                throw Invalid($"User '{userId}' does not exist on the device.", "UserId");
            return user;
        }

        /// <summary>Validates and encodes a user record in the connection's format and encoding (uid patched in
        /// later).</summary>
        private byte[] EncodeUser(ZkUser user, ushort uid, IList<FieldTruncation> truncations) =>
            EncodeUser(user, uid, truncations, Options.Truncation);

        private byte[] EncodeUser(
            ZkUser user,
            ushort uid,
            IList<FieldTruncation> truncations,
            TruncationMode truncation
        )
        {
            ValidateUserId(user.UserId);
            var copy = user.Clone();
            copy.Uid = uid;
            try
            {
                return UserRecordCodec.Encode(copy, Capabilities.UserFormat, _encoding, truncation, truncations);
            }
            catch (ZkInvalidDataException ex)
            {
                throw Invalid(ex);
            }
        }

        private void ValidateUserId(string userId)
        {
            int? width = Capabilities.PinWidth > 0 ? Capabilities.PinWidth : (int?)null;
            UserRecordCodec.ValidateUserId(userId, Capabilities.UserFormat, width, Device);
        }

        private ushort FirstFreeUid(UserTable table)
        {
            foreach (var uid in table.FreeUids()) return uid;
            throw new ZkCapacityException("Every uid (1-65534) is in use.", Device, CommandCode.UserWrite);
        }
    }
}
