using System;
using System.Collections.Generic;
using System.Linq;
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
        /// <summary>Command 110 payload for a batch upload: u32 sub-type 12, then u16 0, u16 8 as pyzk sends (firmware
        /// ignores them).</summary>
        internal static readonly byte[] BatchUploadCommandPayload = { 0x0C, 0, 0, 0, 0, 0, 0x08, 0 };

        /// <summary>All templates in one bulk read, each with the owner's user id filled in from the user
        /// table.</summary>
        public async Task<IReadOnlyList<ZkFingerprint>> GetFingerprintsAsync(
            CancellationToken cancellationToken = default
        )
        {
            var counts = await GetCountsAsync(cancellationToken).ConfigureAwait(false);
            if (counts.Fingerprints == 0)
                return new List<ZkFingerprint>();
            var buffer = await ReadTableAsync(BulkReadTarget.Fingerprints, "fingerprint templates", cancellationToken)
                .ConfigureAwait(false);
            if (buffer == null)
                return new List<ZkFingerprint>();
            var list = Decode(CommandCode.ReadBuffer, () => FingerprintTableCodec.DecodeTable(buffer));
            var table = await EnsureUserTableAsync(cancellationToken).ConfigureAwait(false);
            foreach (var f in list)
                f.UserId = table.UserIdOf(f.Uid) ?? "";
            return list;
        }

        /// <summary>One template (command 88), or null when the user or the finger has none.</summary>
        public async Task<ZkFingerprint?> GetFingerprintAsync(
            string userId,
            int finger,
            CancellationToken cancellationToken = default
        )
        {
            CheckFinger(finger);
            var table = await EnsureUserTableAsync(cancellationToken).ConfigureAwait(false);
            if (!table.TryGetByUserId(userId, out var user))
                return null;
            var data = await ReadAsync(
                    async exchange =>
                    {
                        try
                        {
                            return await LargeDataReceiver
                                .RequestAsync(
                                    exchange,
                                    CommandCode.UserTemplateExRead,
                                    UidFinger(user.Uid, finger),
                                    $"Reading finger {finger} of user {userId}"
                                )
                                .ConfigureAwait(false);
                        }
                        catch (ZkDeviceErrorException ex) when (IsNoData(ex.ReplyCode))
                        {
                            return Array.Empty<byte>();
                        }
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
            return DecodeSingleTemplate(data, user.Uid, (byte)finger, userId);
        }

        /// <summary>
        /// Command 88 carries template + 1 flag byte (ZKFinger 10 as a data stream, ZKFinger 9 inline in the ACK_OK).
        /// pyzk also drops 6 trailing zero bytes; they may be real template bytes, so we keep them (byte-exact copies).
        /// </summary>
        internal static ZkFingerprint? DecodeSingleTemplate(byte[] data, ushort uid, byte finger, string userId)
        {
            if (data.Length < 2) return null;
            var template = new byte[data.Length - 1];
            Buffer.BlockCopy(data, 0, template, 0, template.Length);
            return new ZkFingerprint(uid, finger, data[data.Length - 1], template) { UserId = userId };
        }

        /// <summary>
        /// Writes users with their templates in one bulk upload (command 110 sub-type 12, operation 2
        /// add-or-overwrite). Uids are resolved on this device: an existing user id keeps its uid, new ones get free
        /// uids. The batch format has no template flag (firmware stores its templates as valid), so a template whose
        /// flag is not plain valid (duress) follows the batch in the same exchange, through command 87, which stores
        /// the flag. A device that refuses one of those (or has no command 87) fails only that template: <see
        /// cref="UserWriteResult.TemplateFailures"/>.
        /// </summary>
        public Task<IReadOnlyList<UserWriteResult>> WriteUsersAsync(
            IReadOnlyList<UserWithFingerprints> users,
            IProgress<ZkTransferProgress>? progress = null,
            CancellationToken cancellationToken = default
        ) => WriteUsersAsync(users, ZkUploadCheck.Hash, progress, cancellationToken);

        /// <inheritdoc cref="WriteUsersAsync(IReadOnlyList{UserWithFingerprints}, IProgress{ZkTransferProgress}?,
        /// CancellationToken)"/>
        /// <param name="check">How the upload is checked before the device consumes it.</param>
        public async Task<IReadOnlyList<UserWriteResult>> WriteUsersAsync(
            IReadOnlyList<UserWithFingerprints> users,
            ZkUploadCheck check,
            IProgress<ZkTransferProgress>? progress = null,
            CancellationToken cancellationToken = default
        )
        {
            if (users == null)
                throw new ArgumentNullException(nameof(users));
            if (users.Count == 0)
                return new List<UserWriteResult>();

            // Validate and encode everything before the first packet.
            var records = new List<byte[]>(users.Count);
            var truncations = new List<List<FieldTruncation>>(users.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in users)
            {
                if (entry?.User == null)
                    throw Invalid("A batch entry has no user.", "User");
                if (!seen.Add(entry.User.UserId))
                    throw Invalid($"User id '{entry.User.UserId}' appears twice in the batch.", "UserId");
                foreach (var f in entry.Fingerprints)
                    CheckTemplate(entry.User.UserId, f);
                var cut = new List<FieldTruncation>();
                records.Add(EncodeUser(entry.User, 0, cut));
                truncations.Add(cut);
            }

            var table = await EnsureUserTableAsync(cancellationToken).ConfigureAwait(false);
            var counts = await GetCountsAsync(cancellationToken).ConfigureAwait(false);
            var free = table.FreeUids().GetEnumerator();
            var uids = new ushort[users.Count];
            var created = new bool[users.Count];
            int newUsers = 0, newTemplates = 0;
            for (int i = 0; i < users.Count; i++)
            {
                if (table.TryGetByUserId(users[i].User.UserId, out var existing)) { uids[i] = existing.Uid; continue; }
                if (!free.MoveNext())
                    throw new ZkCapacityException("Every uid (1-65534) is in use.", Device,
                        CommandCode.ApplyUploadBuffer);
                uids[i] = free.Current;
                created[i] = true;
                newUsers++;
                newTemplates += users[i].Fingerprints.Count;
            }
            // Firmware silently skips entries beyond capacity and still answers OK: refuse up front instead.
            if (counts.UserCapacity > 0 && newUsers > counts.UsersFree)
                throw new ZkCapacityException(
                    $"{newUsers} new users do not fit: the device has room for {counts.UsersFree} more.",
                    Device, CommandCode.ApplyUploadBuffer);
            if (counts.FingerprintCapacity > 0 && newTemplates > counts.FingerprintsFree)
                throw new ZkCapacityException(
                    $"{newTemplates} new templates do not fit: the device has room for {counts.FingerprintsFree} more.",
                    Device, CommandCode.ApplyUploadBuffer);

            var batch = new BatchUpload();
            var flagged = new List<(int Index, ushort Uid, ZkFingerprint Template)>();
            for (int i = 0; i < users.Count; i++)
            {
                LittleEndian.Put(records[i], 0, uids[i]);
                batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, records[i]));
                foreach (var f in users[i].Fingerprints)
                {
                    if (f.StoredFlag == 1)
                        batch.Templates.Add(
                            new BatchTemplateEntry(
                                BatchOperation.AddOrOverwrite,
                                uids[i],
                                (byte)(0x10 + f.FingerIndex),
                                f.Template
                            )
                        );
                    else
                        flagged.Add((i, uids[i], f));
                }
            }
            var data = BatchUploadCodec.Encode(batch);

            var refused = new List<string>[users.Count];
            await RunAsync(
                    async exchange =>
                    {
                        var reply = await UploadAsync(
                                exchange,
                                data,
                                CommandCode.ApplyUploadBuffer,
                                BatchUploadCommandPayload,
                                "batch user upload",
                                check,
                                progress
                            )
                            .ConfigureAwait(false);
                        reply.EnsureOk(
                            Device,
                            CommandCode.ApplyUploadBuffer,
                            $"Applying the batch of {users.Count} users"
                        );
                        for (int i = 0; i < refused.Length; i++)
                            refused[i] = new List<string>(); // afresh on a repeat
                        foreach (var (index, uid, f) in flagged)
                        {
                            // One refused template must not fail the whole batch: it is reported on its own user.
                            try
                            {
                                await WriteFlaggedTemplateAsync(exchange, uid, users[index].User.UserId, f, check)
                                    .ConfigureAwait(false);
                            }
                            catch (ZkException ex) when (ex is ZkDeviceErrorException || ex is ZkNotSupportedException)
                            {
                                refused[index].Add(ex.Reason);
                            }
                        }
                        return await RefreshAfterWriteAsync(exchange).ConfigureAwait(false);
                    },
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false); // operation 2 with the same uids: add-or-overwrite again

            var results = new List<UserWriteResult>(users.Count);
            for (int i = 0; i < users.Count; i++)
            {
                table.Upsert(UserRecordCodec.Decode(records[i], 0, Capabilities.UserFormat, _encoding));
                results.Add(new UserWriteResult(users[i].User.UserId, uids[i], created[i], truncations[i], refused[i]));
            }
            _logger.WroteUsers(
                Device, users.Count, newUsers, batch.Templates.Count, data.Length);
            return results;
        }

        /// <summary>
        /// Command 87 [u16 uid][u8 finger][u8 flag][u16 size] stores one template with its flag. ZKFinger 10 takes the
        /// template from the upload buffer and overwrites the finger; ZKFinger 9 takes it inline (from offset 6) and
        /// refuses a taken finger (FDB_FID_EXISTS), so the finger is deleted first there. Firmware answers OK with 0 in
        /// the session field, or ACK_ERROR with its FDB result there.
        /// </summary>
        private async Task WriteFlaggedTemplateAsync(
            ZkExchange exchange,
            ushort uid,
            string userId,
            ZkFingerprint fingerprint,
            ZkUploadCheck check
        )
        {
            string what =
                $"Writing finger {fingerprint.FingerIndex} of user {userId} with flag "
                    + $"{fingerprint.StoredFlag}{(fingerprint.IsDuress ? " (duress)" : "")}";
            bool inline = Capabilities.FingerprintAlgorithm == 9;
            var payload = new byte[inline ? 6 + fingerprint.Template.Length : 6];
            LittleEndian.Put(payload, 0, uid);
            payload[2] = fingerprint.FingerIndex;
            payload[3] = fingerprint.Flag;
            LittleEndian.Put(payload, 4, (ushort)fingerprint.Template.Length);
            Packet reply;
            if (inline)
            {
                Buffer.BlockCopy(fingerprint.Template, 0, payload, 6, fingerprint.Template.Length);
                await DeleteFingerAsync(exchange, uid, fingerprint.FingerIndex, userId).ConfigureAwait(false);
                reply = await exchange.RequestAsync(CommandCode.UserTemplateExWrite, payload).ConfigureAwait(false);
            }
            else
                reply = await UploadAsync(
                        exchange,
                        fingerprint.Template,
                        CommandCode.UserTemplateExWrite,
                        payload,
                        $"template upload for finger {fingerprint.FingerIndex} of user {userId}",
                        check
                    )
                    .ConfigureAwait(false);
            if (reply.Command == ReplyCode.Unknown)
                throw new ZkNotSupportedException(
                    $"{what}: this device has no command 87, so it cannot store a template's flag.",
                    Device,
                    CommandCode.UserTemplateExWrite
                );
            reply.EnsureOk(Device, CommandCode.UserTemplateExWrite, what);
        }

        /// <summary>Deletes one template (command 19). False when the user or that finger has none.</summary>
        public async Task<bool> DeleteFingerprintAsync(
            string userId,
            int finger,
            CancellationToken cancellationToken = default
        )
        {
            CheckFinger(finger);
            var table = await EnsureUserTableAsync(cancellationToken).ConfigureAwait(false);
            if (!table.TryGetByUserId(userId, out var user))
                return false;
            return await RunAsync(
                    async exchange =>
                    {
                        // Not found on a repeat: the first run deleted it.
                        bool deleted =
                            await DeleteFingerAsync(exchange, user.Uid, finger, userId).ConfigureAwait(false)
                            || exchange.IsRetry;
                        if (deleted)
                            await RefreshAfterWriteAsync(exchange).ConfigureAwait(false);
                        return deleted;
                    },
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        /// <summary>
        /// Deletes all of a user's templates and returns how many there were. Uses command 19 per finger 0-9: it works
        /// on black-and-white and TFT firmware alike, whereas 134 (by user id, finger 13) exists on TFT only.
        /// </summary>
        public async Task<int> DeleteFingerprintsAsync(string userId, CancellationToken cancellationToken = default)
        {
            var table = await EnsureUserTableAsync(cancellationToken).ConfigureAwait(false);
            if (!table.TryGetByUserId(userId, out var user))
                return 0;
            return await RunAsync(
                    async exchange =>
                    {
                        int deleted = 0;
                        for (int finger = 0; finger <= 9; finger++)
                            if (await DeleteFingerAsync(exchange, user.Uid, finger, userId).ConfigureAwait(false))
                                deleted++;
                        if (deleted > 0 || exchange.IsRetry)
                            await RefreshAfterWriteAsync(exchange).ConfigureAwait(false);
                        return deleted; // after a repeat: what the last run found (the first may have deleted some)
                    },
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        private async Task<bool> DeleteFingerAsync(ZkExchange exchange, ushort uid, int finger, string userId)
        {
            var reply = await exchange
                .RequestAsync(CommandCode.DeleteUserTemplate, UidFinger(uid, finger))
                .ConfigureAwait(false);
            if (reply.Command == ReplyCode.Ok)
                return true;
            if (IsNoData(reply.Command))
                return false; // firmware: ERROR sub-code 2 = no such template
            throw ReplyCheck.Failure(
                reply,
                Device,
                CommandCode.DeleteUserTemplate,
                $"Deleting finger {finger} of user {userId}"
            );
        }

        private static byte[] UidFinger(ushort uid, int finger)
        {
            var payload = new byte[3];
            LittleEndian.Put(payload, 0, uid);
            payload[2] = (byte)finger;
            return payload;
        }

        /// <summary>Replies that mean "nothing there" across firmware families.</summary>
        private static bool IsNoData(ushort code) =>
            code == ReplyCode.Error
            || code == ReplyCode.NoData
            || code == ReplyCode.NoRecord
            || code == ReplyCode.NoFingerprint;

        private void CheckFinger(int finger)
        {
            if (finger < 0 || finger > 9)
                throw Invalid($"Finger {finger} is out of range 0-9.", "Finger");
        }

        private void CheckTemplate(string userId, ZkFingerprint fingerprint)
        {
            CheckFinger(fingerprint.FingerIndex);
            if (fingerprint.Template.Length == 0 || fingerprint.Template.Length > ushort.MaxValue)
                throw Invalid(
                    $"Template of user {userId} finger {fingerprint.FingerIndex} has {fingerprint.Template.Length} "
                        + "bytes (1-65535 allowed).",
                    "Template"
                );
        }
    }
}
