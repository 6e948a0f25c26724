using System;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>Single-template reads (88, 9), write with flag (87) and deletes (19, 134) (docs/protocol.md
    /// §7).</summary>
    internal static class TemplateCommands
    {
        /// <summary>
        /// Command 88: template + 1 flag byte. ZKFinger 10 sends it as a large-data reply (even when small: captures
        /// show a 1,011-byte one going that way); ZKFinger 9 inline in CMD_ACK_OK with the length + 1 in the session
        /// field.
        /// </summary>
        public static Reply ReadWithFlag(CommandContext c)
        {
            var t = Find(c, out var refusal);
            if (t == null) return refusal!;
            var data = new byte[t.Data.Length + 1];
            Buffer.BlockCopy(t.Data, 0, data, 0, t.Data.Length);
            data[t.Data.Length] = t.Flag;
            return c.Profile.FingerprintVersion == 9 ? c.Ok(data, (ushort)data.Length) : c.LargeData(data);
        }

        /// <summary>Command 9 with [u16 uid][u8 finger]: the template only; with no payload, the whole user
        /// table.</summary>
        public static Reply Read(CommandContext c)
        {
            if (c.Payload.Length == 0) return c.LargeData(c.State.UserTable());
            var t = Find(c, out var refusal);
            if (t == null) return refusal!;
            return c.Profile.FingerprintVersion == 9 ? c.Ok(t.Data, (ushort)t.Data.Length) : c.LargeData(t.Data);
        }

        /// <summary>
        /// Command 87 [u16 uid][u8 finger][u8 flag][u16 size]: one template with its flag (0 stored as 1 valid,
        /// otherwise flag &amp; 3: 3 duress). ZKFinger 10 takes the template from the upload buffer and overwrites the
        /// finger; ZKFinger 9 takes it inline from offset 6 and refuses a finger that is taken. The result is in the
        /// session field: 0 (FDB_OK) with OK; with CMD_ACK_ERROR 0xFFFC (FDB_ERROR_NODATA, no such user), 1
        /// (FDB_OVER_FLIMIT, template capacity reached), 4 (FDB_FID_EXISTS) or 0xFFFA (FDB_ERROR_DATA, a template
        /// firmware would not store).
        /// </summary>
        public static Reply WriteWithFlag(CommandContext c)
        {
            const ushort NoData = 0xFFFC, OverLimit = 1, FingerTaken = 4, BadData = 0xFFFA;
            if (c.Payload.Length < 4) return c.Refuse($"command 87 payload of {c.Payload.Length} bytes");
            ushort uid = LittleEndian.U16(c.Payload, 0);
            int finger = c.Payload[2];
            byte flag = c.Payload[3] == 0 ? (byte)1 : (byte)(c.Payload[3] & 3);
            byte[]? template;
            if (c.Profile.FingerprintVersion == 9)
            {
                int length = c.Payload.Length >= 6 ? LittleEndian.U16(c.Payload, 4) : -1;
                if (length <= 0 || c.Payload.Length < 6 + length)
                    return c.Refuse(
                        $"command 87 inline template of {length} bytes in a {c.Payload.Length}-byte payload",
                        BadData
                    );
                template = new byte[length];
                Buffer.BlockCopy(c.Payload, 6, template, 0, length);
            }
            else
            {
                template = UploadCommands.CompleteUpload(c, out var refusal, BadData);
                if (template == null)
                    return refusal!;
            }
            if (finger > 9)
                return c.Refuse($"command 87 finger {finger}", BadData);
            if (template.Length > c.Profile.MaxTemplateSize)
                return c.Refuse(
                    $"command 87 template of {template.Length} bytes exceeds {c.Profile.MaxTemplateSize}",
                    BadData
                );
            var wrongAlgorithm = TemplateAlgorithm.Mismatch(c.Profile, template);
            if (wrongAlgorithm != null)
                return c.RefuseOrDrop("command 87: " + wrongAlgorithm, BadData);
            if (c.State.FindUser(uid) == null)
                return c.Refuse($"command 87 for uid {uid}: no such user", NoData);
            bool taken = c.State.FindTemplate(uid, finger) != null;
            if (taken && c.Profile.FingerprintVersion == 9)
                return c.Refuse(
                    $"command 87: uid {uid} finger {finger} is taken (ZKFinger 9 does not overwrite)",
                    FingerTaken
                );
            if (!taken && c.State.TemplateCount >= c.Profile.FingerprintCapacity)
                return c.Refuse("command 87: template capacity reached", OverLimit);
            c.State.PutTemplate(new StoredTemplate(uid, (byte)finger, flag, template));
            return c.Ok(sessionField: 0);
        }

        /// <summary>Command 19 [u16 uid][u8 finger]: deletes one template; error with session field 2 when user or
        /// template is missing.</summary>
        public static Reply DeleteOne(CommandContext c)
        {
            if (c.Payload.Length < 3) return c.Refuse($"command 19 payload of {c.Payload.Length} bytes");
            ushort uid = LittleEndian.U16(c.Payload, 0);
            int finger = c.Payload[2];
            if (c.State.FindUser(uid) == null || !c.State.DeleteTemplate(uid, finger))
                return c.Refuse($"no template uid {uid} finger {finger}", 2);
            return c.Ok();
        }

        /// <summary>Command 134 [char[24] PIN2][u8 finger]: finger 13 = all; missing template → OK with session field
        /// 2; missing user → error 2.</summary>
        public static Reply DeleteByPin(CommandContext c)
        {
            if (c.Payload.Length < DeviceUserRecord.Pin2Width + 1)
                return c.Refuse($"command 134 payload of {c.Payload.Length} bytes");
            string pin = DeviceText.RequestPin(c.Payload);
            int finger = c.Payload[DeviceUserRecord.Pin2Width];
            var user = c.State.FindUserByPin(pin);
            if (user == null)
                return c.Refuse($"no user with PIN2 '{pin}'", 2);
            if (finger == 13)
            {
                c.State.DeleteTemplates(user.Uid);
                return c.Ok();
            }
            return c.State.DeleteTemplate(user.Uid, finger) ? c.Ok() : c.Ok(sessionField: 2);
        }

        private static StoredTemplate? Find(CommandContext c, out Reply? refusal)
        {
            refusal = null;
            if (c.Payload.Length < 3)
            {
                refusal = c.Refuse($"template read payload of {c.Payload.Length} bytes (3 expected)");
                return null;
            }
            ushort uid = LittleEndian.U16(c.Payload, 0);
            int finger = c.Payload[2];
            var t = c.State.FindUser(uid) == null ? null : c.State.FindTemplate(uid, finger);
            if (t == null) refusal = c.Refuse($"no template uid {uid} finger {finger}");
            return t;
        }
    }
}
