using System;
using System.Collections.Generic;
using ZkSync.Emulator.Core.Device;

namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// The fingerprint table of a 1503/7/2 read: u32 byte count, then per template (fp-firmware flashdb.h TTemplate;
    /// zk-protocol sections/data-user.md) u16 entry size (6 + template) @0, u16 PIN @2, u8 finger @4, u8 valid flag @5,
    /// template bytes @6.
    /// </summary>
    public static class DeviceTemplateTable
    {
        public const int EntryHeader = 6;

        public static byte[] Write(IReadOnlyCollection<StoredTemplate> templates)
        {
            int total = 0;
            foreach (var t in templates) total += EntryHeader + t.Data.Length;
            var b = new byte[4 + total];
            WireBytes.PutU32(b, 0, (uint)total);
            int o = 4;
            foreach (var t in templates)
            {
                WriteEntry(t, b, o);
                o += EntryHeader + t.Data.Length;
            }
            return b;
        }

        public static void WriteEntry(StoredTemplate t, byte[] b, int o)
        {
            WireBytes.PutU16(b, o, (ushort)(EntryHeader + t.Data.Length));
            WireBytes.PutU16(b, o + 2, t.Uid);
            b[o + 4] = t.Finger;
            b[o + 5] = t.Flag;
            Buffer.BlockCopy(t.Data, 0, b, o + EntryHeader, t.Data.Length);
        }
    }
}
