using System;
using System.Collections.Generic;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>Operation byte of a batch-upload entry (firmware BatchOPUserData).</summary>
    public enum BatchOperation : byte
    {
        Delete = 0,
        AddOnly = 1,
        AddOrOverwrite = 2,
        Update = 3,
        Ignore = 4,
    }

    /// <summary>One user entry of a batch upload: operation and an already-encoded user record.</summary>
    public sealed class BatchUserEntry
    {
        public BatchUserEntry(BatchOperation operation, byte[] record)
        {
            Operation = operation;
            Record = record;
        }

        public BatchOperation Operation { get; }
        public byte[] Record { get; }
    }

    /// <summary>One template entry of a batch upload.</summary>
    public sealed class BatchTemplateEntry
    {
        public BatchTemplateEntry(BatchOperation operation, ushort uid, byte fingerByte, byte[] template)
        {
            Operation = operation;
            Uid = uid;
            FingerByte = fingerByte;
            Template = template;
        }

        public BatchOperation Operation { get; }
        public ushort Uid { get; }

        /// <summary>0x10 + finger index as pyzk writes it; firmware uses the low 4 bits. 0xFF with Delete = all
        /// fingers.</summary>
        public byte FingerByte { get; }

        public byte FingerIndex => (byte)(FingerByte & 0x0F);
        public byte[] Template { get; }
    }

    /// <summary>A decoded batch-upload buffer.</summary>
    public sealed class BatchUpload
    {
        public List<BatchUserEntry> Users { get; } = new List<BatchUserEntry>();
        public List<BatchTemplateEntry> Templates { get; } = new List<BatchTemplateEntry>();
    }

    /// <summary>
    /// The buffer consumed by command 110 sub-type 12: a 12-byte header (user block, finger table and template block
    /// lengths), the user block (op + record), the finger table (op, uid, finger byte, offset) and the template block
    /// (u16 length + bytes) (docs/protocol.md §7).
    /// </summary>
    public static class BatchUploadCodec
    {
        public const int HeaderSize = 12;
        public const int FingerEntrySize = 8;

        /// <summary>Size of the buffer <see cref="Encode"/> would produce, without building it.</summary>
        public static int SizeOf(int userRecordSize, int userCount, IEnumerable<int> templateLengths)
        {
            int size = HeaderSize + userCount * (1 + userRecordSize);
            foreach (int templateLength in templateLengths)
                size += FingerEntrySize + BatchTemplateOffsets.Template + templateLength;
            return size;
        }

        public static byte[] Encode(BatchUpload batch)
        {
            int userBlock = 0;
            foreach (var user in batch.Users)
                userBlock += 1 + user.Record.Length;
            int fingerTable = batch.Templates.Count * FingerEntrySize;
            int templateBlock = 0;
            foreach (var entry in batch.Templates)
                templateBlock += BatchTemplateOffsets.Template + entry.Template.Length;

            var buffer = new byte[HeaderSize + userBlock + fingerTable + templateBlock];
            LittleEndian.Put(buffer, BatchHeaderOffsets.UserBlockLength, (uint)userBlock);
            LittleEndian.Put(buffer, BatchHeaderOffsets.FingerTableLength, (uint)fingerTable);
            LittleEndian.Put(buffer, BatchHeaderOffsets.TemplateBlockLength, (uint)templateBlock);
            int offset = HeaderSize;
            foreach (var user in batch.Users)
            {
                buffer[offset++] = (byte)user.Operation;
                Buffer.BlockCopy(user.Record, 0, buffer, offset, user.Record.Length);
                offset += user.Record.Length;
            }
            int fingerEntry = offset, templateStart = offset + fingerTable, templateOffset = 0;
            foreach (var entry in batch.Templates)
            {
                buffer[fingerEntry + BatchFingerEntryOffsets.Operation] = (byte)entry.Operation;
                LittleEndian.Put(buffer, fingerEntry + BatchFingerEntryOffsets.Uid, entry.Uid);
                buffer[fingerEntry + BatchFingerEntryOffsets.Finger] = entry.FingerByte;
                LittleEndian.Put(buffer, fingerEntry + BatchFingerEntryOffsets.TemplateOffset, (uint)templateOffset);
                fingerEntry += FingerEntrySize;
                LittleEndian.Put(
                    buffer,
                    templateStart + templateOffset + BatchTemplateOffsets.Length,
                    (ushort)entry.Template.Length
                );
                Buffer.BlockCopy(
                    entry.Template,
                    0,
                    buffer,
                    templateStart + templateOffset + BatchTemplateOffsets.Template,
                    entry.Template.Length
                );
                templateOffset += BatchTemplateOffsets.Template + entry.Template.Length;
            }
            return buffer;
        }

        /// <summary>
        /// Decodes and validates a buffer as the device does before applying it. Any inconsistency (block lengths that
        /// do not add up, a user block not made of whole records, a template offset outside the block) is refused.
        /// </summary>
        public static BatchUpload Decode(byte[] buffer, int userRecordSize)
        {
            if (buffer.Length < HeaderSize)
                throw new ZkMalformedReplyException(
                    $"Batch buffer of {buffer.Length} bytes is shorter than its 12-byte header."
                );
            long userBlock = LittleEndian.U32(buffer, BatchHeaderOffsets.UserBlockLength);
            long fingerTable = LittleEndian.U32(buffer, BatchHeaderOffsets.FingerTableLength);
            long templateBlock = LittleEndian.U32(buffer, BatchHeaderOffsets.TemplateBlockLength);
            if (HeaderSize + userBlock + fingerTable + templateBlock != buffer.Length)
                throw new ZkMalformedReplyException(
                    $"Batch header says {userBlock}+{fingerTable}+{templateBlock} bytes but the buffer holds "
                        + $"{buffer.Length - HeaderSize}."
                );
            if (userBlock % (1 + userRecordSize) != 0)
                throw new ZkMalformedReplyException(
                    $"Batch user block of {userBlock} bytes is not whole {1 + userRecordSize}-byte entries."
                );
            if (fingerTable % FingerEntrySize != 0)
                throw new ZkMalformedReplyException(
                    $"Batch finger table of {fingerTable} bytes is not whole 8-byte entries."
                );

            var batch = new BatchUpload();
            int offset = HeaderSize;
            for (long i = 0; i < userBlock / (1 + userRecordSize); i++)
            {
                var operation = CheckOperation(buffer[offset]);
                var record = new byte[userRecordSize];
                Buffer.BlockCopy(buffer, offset + 1, record, 0, userRecordSize);
                batch.Users.Add(new BatchUserEntry(operation, record));
                offset += 1 + userRecordSize;
            }
            int templateStart = (int)(HeaderSize + userBlock + fingerTable);
            for (long i = 0; i < fingerTable / FingerEntrySize; i++, offset += FingerEntrySize)
            {
                var operation = CheckOperation(buffer[offset + BatchFingerEntryOffsets.Operation]);
                ushort uid = LittleEndian.U16(buffer, offset + BatchFingerEntryOffsets.Uid);
                byte finger = buffer[offset + BatchFingerEntryOffsets.Finger];
                long templateOffset = LittleEndian.U32(buffer, offset + BatchFingerEntryOffsets.TemplateOffset);
                if (operation == BatchOperation.Delete)
                {
                    batch.Templates.Add(new BatchTemplateEntry(operation, uid, finger, Array.Empty<byte>()));
                    continue;
                }
                if (templateOffset + BatchTemplateOffsets.Template > templateBlock)
                    throw new ZkMalformedReplyException(
                        $"Template entry {i} points at offset {templateOffset} outside the {templateBlock}-byte "
                            + "template block."
                    );
                int length = LittleEndian.U16(
                    buffer,
                    templateStart + (int)templateOffset + BatchTemplateOffsets.Length
                );
                if (length == 0 || templateOffset + BatchTemplateOffsets.Template + length > templateBlock)
                    throw new ZkMalformedReplyException(
                        $"Template entry {i} has length {length} that runs past the template block."
                    );
                var template = new byte[length];
                Buffer.BlockCopy(
                    buffer,
                    templateStart + (int)templateOffset + BatchTemplateOffsets.Template,
                    template,
                    0,
                    length
                );
                batch.Templates.Add(new BatchTemplateEntry(operation, uid, finger, template));
            }
            return batch;
        }

        private static BatchOperation CheckOperation(byte op)
        {
            if (op > (byte)BatchOperation.Ignore)
                throw new ZkMalformedReplyException($"Batch entry has unknown operation {op}.");
            return (BatchOperation)op;
        }
    }
}
