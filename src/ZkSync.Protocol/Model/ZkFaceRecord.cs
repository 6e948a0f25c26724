using System;

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

        public ushort Size => (ushort)(Raw[0] | Raw[1] << 8);
        public ushort Uid => (ushort)(Raw[2] | Raw[3] << 8);
        public byte FaceId => Raw[4];
        public byte Valid => Raw[5];
        public ushort Reserve => (ushort)(Raw[6] | Raw[7] << 8);
        public int ActiveTime => BitConverter.ToInt32(Raw, 8);
        public int VerifyCount => BitConverter.ToInt32(Raw, 12);

        /// <summary>FaceID 31-33: templates the device learned during verification, not enrolled ones.</summary>
        public bool IsLearned => FaceId >= 31;

        public override string ToString() => $"{UserId} face {FaceId} ({Size} B)";
    }
}
