using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>Bulk reads: 1503 builds the buffer [u32 length][records], 1504 reads a window of it, 1502 frees it
    /// (docs/protocol.md §4).</summary>
    internal static class BulkReadCommands
    {
        public static Reply Prepare(CommandContext c)
        {
            BulkReadTarget target;
            try
            {
                target = BulkPayloads.DecodePrepareRequest(c.Payload);
            }
            catch (ZkMalformedReplyException ex)
            {
                return c.Refuse(ex.Message);
            }

            byte table = (byte)target.Parameter; // firmware reads only the first byte of parameter 1
            byte[]? buffer =
                target.InnerCommand == CommandCode.UserTemplateRead && table == TableType.User ? c.State.UserTable()
                : target.InnerCommand == CommandCode.DbRead && table == TableType.FingerTemplate
                    ? c.State.TemplateTable()
                : target.InnerCommand == CommandCode.AttLogRead ? c.State.AttendanceTable()
                : null;
            if (buffer == null)
                return c.Refuse($"bulk read of {target} is not supported");
            c.TableRead =
                target.InnerCommand == CommandCode.UserTemplateRead ? BulkTable.Users
                : target.InnerCommand == CommandCode.DbRead ? BulkTable.Templates
                : BulkTable.Other;
            c.TableRecords =
                c.TableRead == BulkTable.Users ? c.State.UserCount
                : c.TableRead == BulkTable.Templates ? c.State.TemplateCount
                : c.State.Attendance.Count;

            c.Session.ReadBuffer = buffer;
            // An empty table is answered like a small one: CMD_DATA holding only the 4-byte zero prefix.
            if (buffer.Length <= BulkPayloads.InlineLimit)
                return c.DirectData(buffer);
            return c.Ok(BulkPayloads.Announcement(buffer.Length, DeviceHash.Hashpjw(buffer)));
        }

        public static Reply ReadChunk(CommandContext c)
        {
            var buffer = c.Session.ReadBuffer;
            if (buffer == null)
                return c.Refuse("1504 without a buffer prepared by 1503");
            if (c.Payload.Length != 8)
                return c.Refuse($"1504 payload of {c.Payload.Length} bytes (8 expected)");
            long offset = LittleEndian.U32(c.Payload, 0),
                length = LittleEndian.U32(c.Payload, 4);
            if (offset + length > buffer.Length)
                return c.Refuse($"1504 asks {offset}+{length} of a {buffer.Length}-byte buffer");
            if (length <= BulkPayloads.InlineLimit)
            {
                var slice = new byte[length];
                System.Buffer.BlockCopy(buffer, (int)offset, slice, 0, (int)length);
                return c.DirectData(slice);
            }
            return c.LargeData(buffer, (int)offset, (int)length);
        }

        /// <summary>Always OK: frees the read buffer and any upload buffer.</summary>
        public static Reply Free(CommandContext c)
        {
            c.Session.ReadBuffer = null;
            c.Session.Upload = null;
            return c.Ok();
        }
    }
}
