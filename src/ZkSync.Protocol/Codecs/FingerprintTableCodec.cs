using System;
using System.Collections.Generic;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>
    /// The template table of a bulk read (inner command 7, table 2): u32 byte count, then records of
    /// u16 record size (6 + template), u16 uid, u8 finger, u8 flag, template bytes (docs/protocol.md §7).
    /// </summary>
    public static class FingerprintTableCodec
    {
        public const int RecordHeaderSize = FingerprintRecordOffsets.Template;

        /// <summary>Largest template any fingerprint algorithm stores (ZKFinger 10: 1,664 bytes).</summary>
        public const int MaxTemplateSize = 1664;

        public static List<ZkFingerprint> DecodeTable(byte[] buffer)
        {
            if (buffer.Length < 4)
                throw new ZkMalformedReplyException($"Template table of {buffer.Length} bytes has no length prefix.");
            uint total = LittleEndian.U32(buffer, 0);
            if (total > buffer.Length - 4)
                throw new ZkMalformedReplyException(
                    $"Template table announces {total} bytes but holds {buffer.Length - 4}."
                );
            var list = new List<ZkFingerprint>();
            int offset = 4,
                end = 4 + (int)total;
            while (offset < end)
            {
                if (end - offset < RecordHeaderSize)
                    throw new ZkMalformedReplyException($"Template record at offset {offset} is cut short.");
                int size = LittleEndian.U16(buffer, offset + FingerprintRecordOffsets.Size);
                if (size < RecordHeaderSize || offset + size > end)
                    throw new ZkMalformedReplyException(
                        $"Template record at offset {offset} claims {size} bytes; {end - offset} remain."
                    );
                var template = new byte[size - RecordHeaderSize];
                Buffer.BlockCopy(buffer, offset + FingerprintRecordOffsets.Template, template, 0, template.Length);
                list.Add(
                    new ZkFingerprint(
                        LittleEndian.U16(buffer, offset + FingerprintRecordOffsets.Uid),
                        buffer[offset + FingerprintRecordOffsets.Finger],
                        buffer[offset + FingerprintRecordOffsets.Flag],
                        template
                    )
                );
                offset += size;
            }
            return list;
        }

        public static byte[] EncodeTable(IReadOnlyCollection<ZkFingerprint> fingerprints)
        {
            int total = 0;
            foreach (var fingerprint in fingerprints) total += RecordHeaderSize + fingerprint.Template.Length;
            var table = new byte[4 + total];
            LittleEndian.Put(table, 0, (uint)total);
            int offset = 4;
            foreach (var fingerprint in fingerprints)
            {
                LittleEndian.Put(
                    table,
                    offset + FingerprintRecordOffsets.Size,
                    (ushort)(RecordHeaderSize + fingerprint.Template.Length)
                );
                LittleEndian.Put(table, offset + FingerprintRecordOffsets.Uid, fingerprint.Uid);
                table[offset + FingerprintRecordOffsets.Finger] = fingerprint.FingerIndex;
                table[offset + FingerprintRecordOffsets.Flag] = fingerprint.Flag;
                Buffer.BlockCopy(
                    fingerprint.Template,
                    0,
                    table,
                    offset + FingerprintRecordOffsets.Template,
                    fingerprint.Template.Length
                );
                offset += RecordHeaderSize + fingerprint.Template.Length;
            }
            return table;
        }
    }
}
