using System;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Errors;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>
    /// Command 110 sub-type 12 (firmware BatchOPUserData): users matched by uid, templates by (uid, finger &amp; 0x0F);
    /// new entries beyond capacity are skipped silently and the command still answers OK.
    /// </summary>
    internal static class BatchUploadApplier
    {
        public static Reply Apply(CommandContext c)
        {
            var data = UploadCommands.CompleteUpload(c, out var refusal);
            if (data == null) return refusal!;
            DeviceBatchBuffer batch;
            try { batch = DeviceBatchBuffer.Parse(data, c.Profile.UserRecordSize); }
            catch (FormatException ex)
            {
                // Firmware drops a malformed batch without a word; strict mode answers CMD_ACK_ERROR so the client
                // learns it.
                return c.RefuseOrDrop("malformed batch upload: " + ex.Message);
            }
            foreach (var entry in batch.Users) ApplyUser(c, entry);
            foreach (var entry in batch.Templates) ApplyTemplate(c, entry);
            c.RecordsStored = batch.Templates.Count;
            return c.Ok();
        }

        private static void ApplyUser(CommandContext c, DeviceBatchBuffer.UserEntry entry)
        {
            var state = c.State;
            var user = new StoredUser(entry.Record, c.Profile.UserFormat);
            var existing = state.FindUser(user.Uid);
            switch (entry.Operation)
            {
                case DeviceBatchBuffer.OpDelete:
                    state.DeleteUser(user.Uid);
                    return;
                case DeviceBatchBuffer.OpIgnore:
                    return;
                case DeviceBatchBuffer.OpUpdate:
                    if (existing != null) Put(c, user);
                    return;
                case DeviceBatchBuffer.OpAddOnly when existing != null:
                    return;
            }
            if (existing == null && state.UserCount >= c.Profile.UserCapacity)
            {
                c.Log.Add(
                    $"{c.Session}: batch user uid {user.Uid} skipped: user capacity {c.Profile.UserCapacity} reached"
                );
                return;
            }
            Put(c, user);
        }

        private static void Put(CommandContext c, StoredUser user)
        {
            var owner = c.State.FindUserByPin(user.Pin2);
            if (owner != null && owner.Uid != user.Uid)
                c.Log.Add(
                    $"{c.Session}: batch user uid {user.Uid} shares PIN2 '{user.Pin2}' with uid {owner.Uid} (firmware "
                        + "matches by uid only)"
                );
            c.State.PutUser(user);
        }

        private static void ApplyTemplate(CommandContext c, DeviceBatchBuffer.TemplateEntry entry)
        {
            var state = c.State;
            if (entry.Operation == DeviceBatchBuffer.OpDelete)
            {
                if (entry.FingerByte == DeviceBatchBuffer.AllFingers) state.DeleteTemplates(entry.Uid);
                else state.DeleteTemplate(entry.Uid, entry.Finger);
                return;
            }
            if (entry.Operation == DeviceBatchBuffer.OpIgnore) return;
            var existing = state.FindTemplate(entry.Uid, entry.Finger);
            if (entry.Operation == DeviceBatchBuffer.OpAddOnly && existing != null) return;
            if (entry.Operation == DeviceBatchBuffer.OpUpdate && existing == null) return;
            if (state.FindUser(entry.Uid) == null)
            {
                c.Log.Add($"{c.Session}: batch template uid {entry.Uid} finger {entry.Finger} skipped: no such user");
                return;
            }
            if (entry.Template.Length > c.Profile.MaxTemplateSize)
            {
                c.Log.Add(
                    $"{c.Session}: batch template uid {entry.Uid} finger {entry.Finger} skipped: "
                        + $"{entry.Template.Length} bytes exceed {c.Profile.MaxTemplateSize}"
                );
                return;
            }
            var wrongAlgorithm = TemplateAlgorithm.Mismatch(c.Profile, entry.Template);
            if (wrongAlgorithm != null)
            {
                c.Log.Add(
                    $"{c.Session}: batch template uid {entry.Uid} finger {entry.Finger} skipped: {wrongAlgorithm}"
                );
                return;
            }
            if (existing == null && state.TemplateCount >= c.Profile.FingerprintCapacity)
            {
                c.Log.Add(
                    $"{c.Session}: batch template uid {entry.Uid} finger {entry.Finger} skipped: template capacity "
                        + "reached"
                );
                return;
            }
            state.PutTemplate(new StoredTemplate(entry.Uid, entry.Finger, 1, entry.Template));
        }
    }
}
