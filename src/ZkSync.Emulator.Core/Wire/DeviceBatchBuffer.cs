using System;
using System.Collections.Generic;

namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// The buffer command 110 sub-type 12 applies (firmware BatchOPUserData: "USER, FINGER, TEMPLATE lengths, 4 bytes
    /// each"; pyzk zk/base.py HR_save_usertemplates writes it): a 12-byte header of three u32 block lengths; the user
    /// block of (u8 op + user record) entries; the finger index of 8-byte entries (u8 op @0, u16 PIN @1, u8 finger @3,
    /// u32 offset into the template block @4); the template block of (u16 length + bytes) entries.
    /// </summary>
    public sealed class DeviceBatchBuffer
    {
        public const byte OpDelete = 0, OpAddOnly = 1, OpAddOrOverwrite = 2, OpUpdate = 3, OpIgnore = 4;
        public const byte AllFingers = 0xFF;

        private DeviceBatchBuffer() { }

        public List<UserEntry> Users { get; } = new List<UserEntry>();
        public List<TemplateEntry> Templates { get; } = new List<TemplateEntry>();

        /// <summary>Parses and checks the whole buffer before anything is applied; an inconsistent one throws <see
        /// cref="FormatException"/>.</summary>
        public static DeviceBatchBuffer Parse(byte[] b, int userRecordSize)
        {
            if (b.Length < 12)
                throw new FormatException($"batch buffer of {b.Length} bytes is shorter than its 12-byte header");
            long users = WireBytes.U32(b, 0),
                index = WireBytes.U32(b, 4),
                templates = WireBytes.U32(b, 8);
            if (12 + users + index + templates != b.Length)
                throw new FormatException(
                    $"batch header announces {users}+{index}+{templates} bytes after the header; {b.Length - 12} "
                        + "arrived"
                );
            int userEntry = 1 + userRecordSize;
            if (users % userEntry != 0)
                throw new FormatException($"batch user block of {users} bytes is not whole {userEntry}-byte entries");
            if (index % 8 != 0)
                throw new FormatException($"batch finger index of {index} bytes is not whole 8-byte entries");

            var batch = new DeviceBatchBuffer();
            for (int o = 12; o < 12 + users; o += userEntry)
            {
                var record = new byte[userRecordSize];
                Buffer.BlockCopy(b, o + 1, record, 0, userRecordSize);
                batch.Users.Add(new UserEntry(Op(b[o]), record));
            }
            int templateBlock = (int)(12 + users + index);
            for (int o = (int)(12 + users); o < templateBlock; o += 8)
            {
                byte op = Op(b[o]);
                ushort uid = WireBytes.U16(b, o + 1);
                byte finger = b[o + 3];
                if (op == OpDelete)
                {
                    batch.Templates.Add(new TemplateEntry(op, uid, finger, Array.Empty<byte>()));
                    continue;
                }
                long at = WireBytes.U32(b, o + 4);
                if (at + 2 > templates)
                    throw new FormatException(
                        $"finger index entry points at {at}, outside the {templates}-byte template block"
                    );
                int length = WireBytes.U16(b, templateBlock + (int)at);
                if (length == 0 || at + 2 + length > templates)
                    throw new FormatException($"template of {length} bytes at {at} runs past the template block");
                var template = new byte[length];
                Buffer.BlockCopy(b, templateBlock + (int)at + 2, template, 0, length);
                batch.Templates.Add(new TemplateEntry(op, uid, finger, template));
            }
            return batch;
        }

        private static byte Op(byte op) =>
            op <= OpIgnore ? op : throw new FormatException($"batch entry has unknown operation {op}");

        public sealed class UserEntry
        {
            public UserEntry(byte operation, byte[] record)
            {
                Operation = operation;
                Record = record;
            }

            public byte Operation { get; }
            public byte[] Record { get; }
        }

        public sealed class TemplateEntry
        {
            public TemplateEntry(byte operation, ushort uid, byte fingerByte, byte[] template)
            {
                Operation = operation;
                Uid = uid;
                FingerByte = fingerByte;
                Template = template;
            }

            public byte Operation { get; }
            public ushort Uid { get; }

            /// <summary>pyzk writes 0x10 + finger; firmware keeps the low 4 bits. 0xFF with delete = every
            /// finger.</summary>
            public byte FingerByte { get; }

            public byte Finger => (byte)(FingerByte & 0x0F);
            public byte[] Template { get; }
        }
    }
}
