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

        /// <summary>0x10 + finger index as pyzk writes it; firmware uses the low 4 bits. 0xFF with Delete = all fingers.</summary>
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
    /// (u16 length + bytes) (protocol notes §7.3).
    /// </summary>
    public static class BatchUploadCodec
    {
        public const int HeaderSize = 12;
        public const int FingerEntrySize = 8;

        /// <summary>Size of the buffer <see cref="Encode"/> would produce, without building it.</summary>
        public static int SizeOf(int userRecordSize, int userCount, IEnumerable<int> templateLengths)
        {
            int size = HeaderSize + userCount * (1 + userRecordSize);
            foreach (int t in templateLengths) size += FingerEntrySize + 2 + t;
            return size;
        }

        public static byte[] Encode(BatchUpload batch)
        {
            int userBlock = 0;
            foreach (var u in batch.Users) userBlock += 1 + u.Record.Length;
            int fingerTable = batch.Templates.Count * FingerEntrySize;
            int templateBlock = 0;
            foreach (var t in batch.Templates) templateBlock += 2 + t.Template.Length;

            var b = new byte[HeaderSize + userBlock + fingerTable + templateBlock];
            LittleEndian.Put(b, 0, (uint)userBlock);
            LittleEndian.Put(b, 4, (uint)fingerTable);
            LittleEndian.Put(b, 8, (uint)templateBlock);
            int o = HeaderSize;
            foreach (var u in batch.Users)
            {
                b[o++] = (byte)u.Operation;
                Buffer.BlockCopy(u.Record, 0, b, o, u.Record.Length);
                o += u.Record.Length;
            }
            int ft = o, tb = o + fingerTable, tOffset = 0;
            foreach (var t in batch.Templates)
            {
                b[ft] = (byte)t.Operation;
                LittleEndian.Put(b, ft + 1, t.Uid);
                b[ft + 3] = t.FingerByte;
                LittleEndian.Put(b, ft + 4, (uint)tOffset);
                ft += FingerEntrySize;
                LittleEndian.Put(b, tb + tOffset, (ushort)t.Template.Length);
                Buffer.BlockCopy(t.Template, 0, b, tb + tOffset + 2, t.Template.Length);
                tOffset += 2 + t.Template.Length;
            }
            return b;
        }

        /// <summary>
        /// Decodes and validates a buffer as the device does before applying it. Any inconsistency (block lengths that do
        /// not add up, a user block not made of whole records, a template offset outside the block) is refused.
        /// </summary>
        public static BatchUpload Decode(byte[] b, int userRecordSize)
        {
            if (b.Length < HeaderSize) throw new ZkMalformedReplyException($"Batch buffer of {b.Length} bytes is shorter than its 12-byte header.");
            long userBlock = LittleEndian.U32(b, 0), fingerTable = LittleEndian.U32(b, 4), templateBlock = LittleEndian.U32(b, 8);
            if (HeaderSize + userBlock + fingerTable + templateBlock != b.Length)
                throw new ZkMalformedReplyException($"Batch header says {userBlock}+{fingerTable}+{templateBlock} bytes but the buffer holds {b.Length - HeaderSize}.");
            if (userBlock % (1 + userRecordSize) != 0)
                throw new ZkMalformedReplyException($"Batch user block of {userBlock} bytes is not whole {1 + userRecordSize}-byte entries.");
            if (fingerTable % FingerEntrySize != 0)
                throw new ZkMalformedReplyException($"Batch finger table of {fingerTable} bytes is not whole 8-byte entries.");

            var batch = new BatchUpload();
            int o = HeaderSize;
            for (long i = 0; i < userBlock / (1 + userRecordSize); i++)
            {
                var op = CheckOperation(b[o]);
                var record = new byte[userRecordSize];
                Buffer.BlockCopy(b, o + 1, record, 0, userRecordSize);
                batch.Users.Add(new BatchUserEntry(op, record));
                o += 1 + userRecordSize;
            }
            int tb = (int)(HeaderSize + userBlock + fingerTable);
            for (long i = 0; i < fingerTable / FingerEntrySize; i++, o += FingerEntrySize)
            {
                var op = CheckOperation(b[o]);
                ushort uid = LittleEndian.U16(b, o + 1);
                byte finger = b[o + 3];
                long offset = LittleEndian.U32(b, o + 4);
                if (op == BatchOperation.Delete)
                {
                    batch.Templates.Add(new BatchTemplateEntry(op, uid, finger, Array.Empty<byte>()));
                    continue;
                }
                if (offset + 2 > templateBlock)
                    throw new ZkMalformedReplyException($"Template entry {i} points at offset {offset} outside the {templateBlock}-byte template block.");
                int len = LittleEndian.U16(b, tb + (int)offset);
                if (len == 0 || offset + 2 + len > templateBlock)
                    throw new ZkMalformedReplyException($"Template entry {i} has length {len} that runs past the template block.");
                var template = new byte[len];
                Buffer.BlockCopy(b, tb + (int)offset + 2, template, 0, len);
                batch.Templates.Add(new BatchTemplateEntry(op, uid, finger, template));
            }
            return batch;
        }

        private static BatchOperation CheckOperation(byte op)
        {
            if (op > (byte)BatchOperation.Ignore) throw new ZkMalformedReplyException($"Batch entry has unknown operation {op}.");
            return (BatchOperation)op;
        }
    }
}
