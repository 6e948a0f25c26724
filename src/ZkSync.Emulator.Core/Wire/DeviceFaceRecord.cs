using System;

namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// ZKFace 7 records as the device stores them (fp-firmware trunk/M880trunk/face/facedb.h TFaceTmp, packed, 2,576
    /// bytes): u16 size @0, u16 PIN @2, u8 FaceID @4, u8 valid @5, u16 reserve @6, i32 ActiveTime @8, i32 VfCount @12,
    /// template slot of 2,560 bytes @16.
    /// </summary>
    public static class DeviceFaceRecord
    {
        public const int Size = 2576;
        public const int TemplateOffset = 16;

        public static byte[] Make(ushort uid, byte faceId, byte valid, byte[] template)
        {
            if (template.Length > Size - TemplateOffset)
                throw new ArgumentException(
                    $"A face template slot holds {Size - TemplateOffset} bytes.",
                    nameof(template)
                );
            var r = new byte[Size];
            WireBytes.PutU16(r, 0, (ushort)template.Length);
            WireBytes.PutU16(r, 2, uid);
            r[4] = faceId;
            r[5] = valid;
            Buffer.BlockCopy(template, 0, r, TemplateOffset, template.Length);
            return r;
        }

        public static byte FaceId(byte[] record) => record[4];

        public static ushort Uid(byte[] record) => WireBytes.U16(record, 2);

        /// <summary>Command 151 overwrites the PIN field with the target user's uid before storing (commu.c
        /// ~1128).</summary>
        public static byte[] OwnedBy(byte[] record, ushort uid)
        {
            var copy = (byte[])record.Clone();
            WireBytes.PutU16(copy, 2, uid);
            return copy;
        }
    }
}
