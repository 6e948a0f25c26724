using System;
using System.Collections.Generic;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>
    /// The template table of a bulk read (inner command 7, table 2): u32 byte count, then records of
    /// u16 record size (6 + template), u16 uid, u8 finger, u8 flag, template bytes (protocol notes §7.1).
    /// </summary>
    public static class FingerprintTableCodec
    {
        public const int RecordHeaderSize = 6;

        /// <summary>Largest template any fingerprint algorithm stores (ZKFinger 10: 1,664 bytes).</summary>
        public const int MaxTemplateSize = 1664;

        public static List<ZkFingerprint> DecodeTable(byte[] buffer)
        {
            if (buffer.Length < 4) throw new ZkMalformedReplyException($"Template table of {buffer.Length} bytes has no length prefix.");
            uint total = LittleEndian.U32(buffer, 0);
            if (total > buffer.Length - 4) throw new ZkMalformedReplyException($"Template table announces {total} bytes but holds {buffer.Length - 4}.");
            var list = new List<ZkFingerprint>();
            int o = 4, end = 4 + (int)total;
            while (o < end)
            {
                if (end - o < RecordHeaderSize) throw new ZkMalformedReplyException($"Template record at offset {o} is cut short.");
                int size = LittleEndian.U16(buffer, o);
                if (size < RecordHeaderSize || o + size > end)
                    throw new ZkMalformedReplyException($"Template record at offset {o} claims {size} bytes; {end - o} remain.");
                var template = new byte[size - RecordHeaderSize];
                Buffer.BlockCopy(buffer, o + RecordHeaderSize, template, 0, template.Length);
                list.Add(new ZkFingerprint(LittleEndian.U16(buffer, o + 2), buffer[o + 4], buffer[o + 5], template));
                o += size;
            }
            return list;
        }

        public static byte[] EncodeTable(IReadOnlyCollection<ZkFingerprint> fingerprints)
        {
            int total = 0;
            foreach (var f in fingerprints) total += RecordHeaderSize + f.Template.Length;
            var b = new byte[4 + total];
            LittleEndian.Put(b, 0, (uint)total);
            int o = 4;
            foreach (var f in fingerprints)
            {
                LittleEndian.Put(b, o, (ushort)(RecordHeaderSize + f.Template.Length));
                LittleEndian.Put(b, o + 2, f.Uid);
                b[o + 4] = f.FingerIndex;
                b[o + 5] = f.Flag;
                Buffer.BlockCopy(f.Template, 0, b, o + RecordHeaderSize, f.Template.Length);
                o += RecordHeaderSize + f.Template.Length;
            }
            return b;
        }
    }
}
