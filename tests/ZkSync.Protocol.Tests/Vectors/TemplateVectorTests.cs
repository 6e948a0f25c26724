using System.Linq;
using Xunit;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Codecs;

namespace ZkSync.Protocol.Tests.Vectors
{
    /// <summary>
    /// The fingerprint table of a 1503 read and the batch-upload buffer as a device decodes it, against public bytes.
    /// Single template reads (command 88) are pinned by the captured streams V24/V25 in Bulk/LargeDataReceiverTests.
    /// </summary>
    public class TemplateVectorTests
    {
        /// <summary>Z15's 24 published bytes, completed to its announced 1,220-byte entry with a filler the test
        /// chooses.</summary>
        private static byte[] Z15Entry()
        {
            var start = Hex.Bytes(PublicVectors.Z15TemplateEntryStart);
            var entry = new byte[1220];
            start.CopyTo(entry, 0);
            for (int i = start.Length; i < entry.Length; i++) entry[i] = (byte)(i * 7);
            return entry;
        }

        [Fact]
        public void Z15_table_entry_decodes_in_the_engine()
        {
            // c4 04 size 1220 @0 | 0e 00 uid 14 @2 | 04 finger @4 | 01 valid @5 | template @6 (4d fd "SS21" …)
            var entry = Z15Entry();
            var table = new byte[4 + entry.Length];
            table[0] = 0xc4; table[1] = 0x04; // u32 total 1220
            entry.CopyTo(table, 4);
            var f = Assert.Single(FingerprintTableCodec.DecodeTable(table));
            Assert.Equal(((ushort)14, (byte)4, (byte)1, 1214), (f.Uid, f.FingerIndex, f.Flag, f.Template.Length));
            Assert.Equal("4dfd53533231", Hex.Of(f.Template.Take(6).ToArray()));
        }

        [Fact]
        public void Z15_table_entry_is_what_the_device_side_writes()
        {
            var entry = Z15Entry();
            var written = DeviceTemplateTable.Write(new[] { new StoredTemplate(14, 4, 1, entry.Skip(6).ToArray()) });
            Assert.Equal("c4040000", Hex.Of(written.Take(4).ToArray()));
            Assert.Equal(entry, written.Skip(4).ToArray());
        }

        [Fact]
        public void Pyzk_batch_buffer_decodes_on_the_device_side()
        {
            // header 49000000 (user block 73 = 1 + 72) 08000000 (one index entry) 06000000 (2 + 4 template bytes); user
            // entry: op 02 + 72-byte record of uid 1 "Ann"; index entry: op 02, uid 01 00, finger byte 0x10, offset 0;
            // template: 04 00 deadbeef.
            var batch = DeviceBatchBuffer.Parse(Hex.Bytes(PublicVectors.PyzkBatchUpload), 72);
            var user = Assert.Single(batch.Users);
            Assert.Equal(DeviceBatchBuffer.OpAddOrOverwrite, user.Operation);
            Assert.Equal("1001", DeviceUserRecord.ReadPin2(user.Record, Protocol.Model.UserRecordFormat.Extended72));
            Assert.Equal(1, user.Record[0]);
            var t = Assert.Single(batch.Templates);
            Assert.Equal(
                (DeviceBatchBuffer.OpAddOrOverwrite, (ushort)1, (byte)0x10, (byte)0, "deadbeef"),
                (t.Operation, t.Uid, t.FingerByte, t.Finger, Hex.Of(t.Template))
            );
        }

        [Fact]
        public void Pyzk_batch_buffer_is_what_the_engine_writes_and_decodes()
        {
            var bytes = Hex.Bytes(PublicVectors.PyzkBatchUpload);
            var decoded = BatchUploadCodec.Decode(bytes, 72);
            var t = Assert.Single(decoded.Templates);
            Assert.Equal(((ushort)1, (byte)0x10, "deadbeef"), (t.Uid, t.FingerByte, Hex.Of(t.Template)));
            Assert.Equal(bytes, BatchUploadCodec.Encode(decoded));
        }

        [Fact]
        public void Hand_written_batch_with_a_delete_and_two_templates_decodes_on_both_sides()
        {
            // No user block; index of three 8-byte entries; template block of (u16 length + bytes) entries:
            var bytes = Hex.Bytes(
                "00000000"
                    + "18000000"
                    + "09000000"
                    + "00"
                    + "0700"
                    + "ff"
                    + "00000000" // delete every finger of uid 7 (offset unused)
                    + "02"
                    + "0800"
                    + "13"
                    + "00000000" // uid 8, finger byte 0x13 → finger 3, template at 0
                    + "01"
                    + "0800"
                    + "15"
                    + "04000000" // uid 8, finger 5 add-only, template at 4
                    + "0200"
                    + "aabb"
                    + "0300"
                    + "ccddee"
            );
            var device = DeviceBatchBuffer.Parse(bytes, 72);
            Assert.Equal(
                new[] { ((ushort)7, (byte)0xff, ""), ((ushort)8, (byte)3, "aabb"), ((ushort)8, (byte)5, "ccddee") },
                device.Templates.Select(t =>
                    (t.Uid, t.FingerByte == 0xff ? t.FingerByte : t.Finger, Hex.Of(t.Template))
                )
            );
            var engine = BatchUploadCodec.Decode(bytes, 72);
            Assert.Equal(
                device.Templates.Select(t => (t.Operation, t.Uid, t.FingerByte, Hex.Of(t.Template))),
                engine.Templates.Select(t => ((byte)t.Operation, t.Uid, t.FingerByte, Hex.Of(t.Template)))
            );
        }
    }
}
