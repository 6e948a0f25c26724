using ZkSync.Emulator.Core.Sessions;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>
    /// Client-to-device transfers: 1500 allocates, 1501 fills (reply id = previous + 1, no overflow), 119 hashes, and
    /// command 110 consumes the buffer by sub-type (12 batch user data, 1700 file).
    /// </summary>
    internal static class UploadCommands
    {
        public static Reply Prepare(CommandContext c)
        {
            if (c.Payload.Length < 4)
                return c.Refuse($"CMD_PREPARE_DATA payload of {c.Payload.Length} bytes");
            uint size = LittleEndian.U32(c.Payload, 0);
            if (size == 0 || size > c.Options.MaxUploadBytes)
                return c.Refuse(
                    $"CMD_PREPARE_DATA of {size} bytes (the device allocates 1..{c.Options.MaxUploadBytes})"
                );
            c.Session.Upload = new UploadBuffer((int)size, c.Request.ReplyId);
            return c.Ok();
        }

        public static Reply Append(CommandContext c)
        {
            var upload = c.Session.Upload;
            if (upload == null) return c.Refuse("CMD_DATA without CMD_PREPARE_DATA");
            if (!upload.TryAppend(c.Payload, c.Request.ReplyId, out var why)) return c.Refuse(why!);
            return c.Ok();
        }

        /// <summary>Hash of the whole declared buffer: empty payload → OK + u32 hash; u32 payload → OK if equal, else
        /// error.</summary>
        public static Reply Hash(CommandContext c)
        {
            var upload = c.Session.Upload;
            if (upload == null) return c.Refuse("CMD_HASH_DATA without an upload buffer");
            uint hash = DeviceHash.Hashpjw(upload.Data);
            if (c.Payload.Length == 0)
            {
                var p = new byte[4];
                LittleEndian.Put(p, 0, hash);
                return c.Ok(p);
            }
            if (c.Payload.Length >= 4 && LittleEndian.U32(c.Payload, 0) == hash) return c.Ok();
            return c.Refuse($"upload hash 0x{hash:X6} differs from the client's");
        }

        public static Reply UseBuffer(CommandContext c)
        {
            if (c.Payload.Length < 4) return c.Refuse($"command 110 payload of {c.Payload.Length} bytes");
            uint subType = LittleEndian.U32(c.Payload, 0);
            if (subType == CommandCode.UpdateSubtypeBatchUserData) return BatchUploadApplier.Apply(c);
            if (subType == CommandCode.UpdateSubtypeFile) return PhotoCommands.FileWrite(c);
            return c.Refuse($"command 110 sub-type {subType} is not emulated", 5);
        }

        /// <summary>
        /// The upload a consuming command acts on. Firmware consumes the declared size even if fewer bytes arrived; the
        /// emulator refuses an incomplete buffer instead (strict deviation) so a client's short upload shows up, or,
        /// with silent drops, ACKs it and stores nothing (firmware would store a garbage tail; either way the data is
        /// lost).
        /// </summary>
        public static byte[]? CompleteUpload(CommandContext c, out Reply? refusal, ushort? subCode = null)
        {
            refusal = null;
            var upload = c.Session.Upload;
            if (upload == null)
            {
                refusal = c.Refuse("no upload buffer (CMD_PREPARE_DATA was not sent)", subCode);
                return null;
            }
            if (!upload.IsComplete)
            {
                refusal = c.RefuseOrDrop(
                    $"upload buffer not completely filled ({upload.Filled} of {upload.Data.Length} bytes)",
                    subCode
                );
                return null;
            }
            return upload.Data;
        }
    }
}
