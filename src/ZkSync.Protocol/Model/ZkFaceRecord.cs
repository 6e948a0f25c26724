using System;
using System.Buffers.Binary;

namespace ZkSync.Protocol.Model
{
    /// <summary>
    /// One 2,576-byte face record (ZKFace 7): u16 size, u16 uid, u8 FaceID, u8 valid, u16 reserve, i32 active time,
    /// i32 verification count, 2,560-byte template slot. The raw bytes are kept so a copy is byte-exact.
    /// </summary>
    public sealed class ZkFaceRecord
    {
        /// <summary>Bytes in one face record.</summary>
        public const int RecordSize = 2576;

        public ZkFaceRecord(byte[] raw)
        {
            if (raw == null || raw.Length != RecordSize)
                throw new ArgumentException($"A face record is {RecordSize} bytes.", nameof(raw));
            Raw = raw;
        }

        public byte[] Raw { get; }

        /// <summary>User id of the owner, filled in by the client (faces are read by user id).</summary>
        public string UserId { get; set; } = "";

        public ushort Size => U16(FaceRecordOffsets.Size);
        public ushort Uid => U16(FaceRecordOffsets.Uid);
        public byte FaceId => Raw[FaceRecordOffsets.FaceId];
        public byte Valid => Raw[FaceRecordOffsets.Valid];
        public ushort Reserve => U16(FaceRecordOffsets.Reserve);
        public int ActiveTime => BinaryPrimitives.ReadInt32LittleEndian(Raw.AsSpan(FaceRecordOffsets.ActiveTime));
        public int VerifyCount => BinaryPrimitives.ReadInt32LittleEndian(Raw.AsSpan(FaceRecordOffsets.VerifyCount));

        /// <summary>FaceID 31-33: templates the device learned during verification, not enrolled ones.</summary>
        public bool IsLearned => FaceId >= 31;

        private ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(Raw.AsSpan(offset));

        public override string ToString() => $"{UserId} face {FaceId} ({Size} B)";
    }
}
