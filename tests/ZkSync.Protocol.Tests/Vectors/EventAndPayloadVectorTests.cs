using System;
using System.Text;
using Xunit;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Vectors
{
    /// <summary>Live events (command 500) and the PIN2 / file-name payloads of face and photo commands.</summary>
    public class EventAndPayloadVectorTests
    {
        [Fact]
        public void Captured_12_byte_attendance_event()
        {
            var e = Frames.Single(PublicVectors.V27AttendanceEvent12);
            Assert.Equal((500, 1, 0), (e.Command, e.SessionId, e.ReplyId)); // session field = event flag EF_ATTLOG
            // u32 user id @0 | u8 verify @4 | u8 state @5 | 6-byte time @6 (year-2000, month, day, hour, minute,
            // second)
            Assert.Equal(4822257u, LittleEndian.U32(e.Payload, 0));
            Assert.Equal((0, 0), (e.Payload[4], e.Payload[5]));
            Assert.Equal(new DateTime(2018, 12, 7, 19, 9, 6), ZkTime.DecodeSixBytes(e.Payload.AsSpan(6)));
        }

        [Fact]
        public void Captured_32_byte_attendance_event()
        {
            var e = Frames.Single(PublicVectors.Z18AttendanceEvent32);
            Assert.Equal((500, 1), (e.Command, e.SessionId));
            // char[24] user id @0 | u8 verify @24 | u8 state @25 | 6-byte time @26
            Assert.Equal("999111333", DeviceText.Read(e.Payload, 0, 24, Encoding.ASCII));
            Assert.Equal((1, 0), (e.Payload[24], e.Payload[25]));
            Assert.Equal(new DateTime(2018, 6, 25, 17, 41, 5), ZkTime.DecodeSixBytes(e.Payload.AsSpan(26)));
        }

        [Fact]
        public void Captured_finger_score_event()
        {
            var e = Frames.Single(PublicVectors.Z4FingerScoreEvent);
            Assert.Equal((500, 256, "64"), (e.Command, e.SessionId, Hex.Of(e.Payload))); // EF_FPFTR, score 100
        }

        [Fact]
        public void Face_request_payload_from_fpmachine_reads_on_the_device_side()
        {
            // fpmachine devices.py get_user_face / set_user_face: char[24] PIN2 @0 | 00 @24 | index 50 @25 | u16 blob
            // length @26
            var read = Hex.Bytes("3334303032" + new string('0', 38) + "00320000");
            var write = Hex.Bytes("3334303032" + new string('0', 38) + "0032f096");
            Assert.Equal(Hex.Of(read), Hex.Of(PinPayload.FaceRequest("34002")));
            Assert.Equal(Hex.Of(write), Hex.Of(PinPayload.FaceRequest("34002", 38640)));
            Assert.Equal("34002", DeviceText.RequestPin(read));
            Assert.Equal((50, 38640), (write[25], write[26] | write[27] << 8));
        }

        [Fact]
        public void Photo_and_file_payloads_read_on_the_device_side()
        {
            // fpmachine set_user_pic (10009): "<PIN2>.jpg" NUL-padded to 39 + 4 zero bytes; send_file (110): u32 1700 +
            // name in 39 bytes; get_user_pic / del_user_pic (10010 / 10011) and firmware 1702: the name NUL-terminated.
            var zmmWrite = Hex.Bytes("33343030322e6a7067" + new string('0', 68));
            var fileWrite = Hex.Bytes("a4060000" + "33343030322e6a7067" + new string('0', 60));
            var byName = Hex.Bytes("33343030322e6a706700");
            Assert.Equal("34002.jpg", DeviceText.RequestName(zmmWrite));
            Assert.Equal((1700u, "34002.jpg"), (LittleEndian.U32(fileWrite, 0), DeviceText.RequestName(fileWrite, 4)));
            Assert.Equal("34002.jpg", DeviceText.RequestName(byName));
            Assert.Equal(DeviceText.PhotoFileName("34002"), PinPayload.PhotoFileName("34002"));
            Assert.Equal(
                (Hex.Of(zmmWrite), Hex.Of(fileWrite), Hex.Of(byName)),
                (
                    Hex.Of(PinPayload.PhotoWrite("34002")),
                    Hex.Of(PinPayload.FileWrite("34002.jpg")),
                    Hex.Of(PinPayload.FileName("34002.jpg"))
                )
            );
        }
    }
}
