using System;
using System.Collections.Generic;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>Face records of ZKFace 7 (2,576 bytes each) and the blobs commands 150/151 carry (docs/protocol.md
    /// §11).</summary>
    public static class FaceRecordCodec
    {
        public const int RecordSize = ZkFaceRecord.RecordSize;
        public const int HeaderSize = FaceRecordOffsets.Template;
        public const int TemplateSlot = RecordSize - HeaderSize;

        /// <summary>Splits a blob into records. The count is the length / 2576; a remainder is malformed.</summary>
        public static List<ZkFaceRecord> DecodeBlob(byte[] blob)
        {
            if (blob.Length % RecordSize != 0)
                throw new ZkMalformedReplyException(
                    $"Face data of {blob.Length} bytes is not whole {RecordSize}-byte records."
                );
            var list = new List<ZkFaceRecord>(blob.Length / RecordSize);
            for (int o = 0; o < blob.Length; o += RecordSize)
            {
                var raw = new byte[RecordSize];
                Buffer.BlockCopy(blob, o, raw, 0, RecordSize);
                list.Add(new ZkFaceRecord(raw));
            }
            return list;
        }

        public static byte[] EncodeBlob(IReadOnlyList<ZkFaceRecord> records)
        {
            var blob = new byte[records.Count * RecordSize];
            for (int i = 0; i < records.Count; i++)
                Buffer.BlockCopy(records[i].Raw, 0, blob, i * RecordSize, RecordSize);
            return blob;
        }

        /// <summary>Builds a record from its fields (used by the emulator's seeding and by tests).</summary>
        public static ZkFaceRecord Build(
            ushort uid,
            byte faceId,
            byte valid,
            byte[] template,
            ushort reserve = 0,
            int activeTime = 0,
            int verifyCount = 0
        )
        {
            if (template.Length > TemplateSlot)
                throw new ArgumentException($"A face template holds at most {TemplateSlot} bytes.", nameof(template));
            var record = new byte[RecordSize];
            Framing.LittleEndian.Put(record, FaceRecordOffsets.Size, (ushort)template.Length);
            Framing.LittleEndian.Put(record, FaceRecordOffsets.Uid, uid);
            record[FaceRecordOffsets.FaceId] = faceId;
            record[FaceRecordOffsets.Valid] = valid;
            Framing.LittleEndian.Put(record, FaceRecordOffsets.Reserve, reserve);
            Framing.LittleEndian.Put(record, FaceRecordOffsets.ActiveTime, activeTime);
            Framing.LittleEndian.Put(record, FaceRecordOffsets.VerifyCount, verifyCount);
            Buffer.BlockCopy(template, 0, record, FaceRecordOffsets.Template, template.Length);
            return new ZkFaceRecord(record);
        }

        /// <summary>Returns a copy of <paramref name="raw"/> with the uid field set, as the device does on
        /// write.</summary>
        public static byte[] WithUid(byte[] raw, ushort uid)
        {
            var copy = (byte[])raw.Clone();
            Framing.LittleEndian.Put(copy, FaceRecordOffsets.Uid, uid);
            return copy;
        }
    }
}
