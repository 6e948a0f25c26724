using System.Linq;
using Xunit;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Vectors
{
    /// <summary>
    /// The 2,576-byte ZKFace 7 record, written by hand from the firmware's TFaceTmp (beealone/fp-firmware
    /// trunk/M880trunk/face/facedb.h), confirmed by the ZKTeco SDK manual ("bytes 3-4 are the user ID") and pyzk issue
    /// #259. No full record dump is public (docs/protocol.md §14).
    /// </summary>
    public class FaceRecordVectorTests
    {
        private static byte[] HandWritten()
        {
            var header = Hex.Bytes(
                "0400"       // @0  size: 4 template bytes
                + "2a00"     // @2  uid 42
                + "03"       // @4  FaceID 3
                + "01"       // @5  valid
                + "0700"     // @6  reserve (7)
                + "8df95e2e" // @8  ActiveTime 2024-03-15 08:30:05 packed
                + "05000000"); // @12 verification count 5
            var r = new byte[2576];
            header.CopyTo(r, 0);
            Hex.Bytes("5a4b4631").CopyTo(r, 16); // @16 template "ZKF1"
            return r;
        }

        [Fact]
        public void Engine_reads_the_fields_at_their_offsets()
        {
            var f = new ZkFaceRecord(HandWritten());
            Assert.Equal(
                ((ushort)4, (ushort)42, (byte)3, (byte)1, (ushort)7, 777976205, 5),
                (f.Size, f.Uid, f.FaceId, f.Valid, f.Reserve, f.ActiveTime, f.VerifyCount)
            );
        }

        [Fact]
        public void Engine_and_device_build_the_same_bytes()
        {
            var expected = HandWritten();
            var template = Hex.Bytes("5a4b4631");
            Assert.Equal(
                expected,
                FaceRecordCodec.Build(42, 3, 1, template, reserve: 7, activeTime: 777976205, verifyCount: 5).Raw
            );
            var device = DeviceFaceRecord.Make(42, 3, 1, template);
            // the device side leaves reserve, ActiveTime and count at 0 for new records
            Assert.Equal(expected.Take(6), device.Take(6));
            Assert.Equal(expected.Skip(16), device.Skip(16));
            Assert.Equal((42, 3), (DeviceFaceRecord.Uid(expected), DeviceFaceRecord.FaceId(expected)));
        }

        [Fact]
        public void A_written_record_takes_the_target_uid_in_bytes_2_and_3_only()
        {
            var original = HandWritten();
            foreach (
                var moved in new[]
                {
                    FaceRecordCodec.WithUid(original, 0x0102),
                    DeviceFaceRecord.OwnedBy(original, 0x0102),
                }
            )
            {
                Assert.Equal("02", Hex.Of(new[] { moved[2] }));
                Assert.Equal(1, moved[3]);
                Assert.Equal(original.Take(2).Concat(original.Skip(4)), moved.Take(2).Concat(moved.Skip(4)));
            }
        }
    }
}
