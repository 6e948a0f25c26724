using System;
using System.Linq;
using System.Text;
using Xunit;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Tests.Scripted;

namespace ZkSync.Protocol.Tests.Vectors
{
    /// <summary>Options, device info strings, free sizes, PIN width, packed time, the buffer hash and the comm
    /// key.</summary>
    public class DeviceInfoVectorTests
    {
        [Theory]
        [InlineData(PublicVectors.Z5ReadPlatform, PublicVectors.Z6PlatformReply, "~Platform", "ZEM760_TFT")]
        [InlineData(PublicVectors.Z7ReadWorkCode, PublicVectors.Z8WorkCodeReply, "WorkCode", "0")]
        public void Captured_option_read_and_reply(string request, string reply, string name, string value)
        {
            var ask = Frames.Single(request);
            Assert.Equal(Hex.Of(OptionCodec.EncodeRequest(name)), Hex.Of(ask.Payload)); // "name" 00
            Assert.Equal(
                request,
                Hex.Of(
                    TcpEnvelope.Wrap(
                        new Packet(
                            CommandCode.OptionsRead,
                            ask.SessionId,
                            ask.ReplyId,
                            OptionCodec.EncodeRequest(name)
                        ).Encode()
                    )
                )
            );
            Assert.Equal(name, DeviceText.OptionText(ask.Payload));
            var answer = Frames.Single(reply);
            Assert.Equal(ReplyCode.Ok, answer.Command);
            Assert.Equal(value, OptionCodec.DecodeValue(answer.Payload, name)); // "name=value" 00
        }

        [Fact]
        public void Captured_option_write_with_its_trailing_nul()
        {
            var frame = Frames.Single(PublicVectors.Z9WriteLockOn);
            Assert.Equal(CommandCode.OptionsWrite, frame.Command);
            Assert.Equal(Hex.Of(OptionCodec.EncodeAssignment("LockOn", "5")), Hex.Of(frame.Payload));
            Assert.Equal("LockOn=5", DeviceText.OptionText(frame.Payload));
        }

        [Fact]
        public void Captured_pin_width_reply_carries_one_byte()
        {
            Assert.True(Packet.TryDecode(Hex.Bytes(PublicVectors.Z3PinWidthReply), 0, 9, out var p, out bool valid));
            Assert.True(valid);
            Assert.Equal((ReplyCode.Ok, "09"), (p.Command, Hex.Of(p.Payload)));
            // pyzk V18, same shape
            Assert.Equal(new byte[] { 9 }, Frames.Single("5050827d09000000d007babb5c3c100009").Payload);
        }

        [Fact]
        public void Device_side_writes_the_captured_80_byte_free_sizes_V17()
        {
            var counts = new ZkDeviceCounts
            {
                Users = 70, Fingerprints = 70, Records = 3225, OpLogs = 282, Admins = 6, Passwords = 6,
                FingerprintCapacity = 500, UserCapacity = 500, RecordCapacity = 50000,
                FingerprintsFree = 430, UsersFree = 430, RecordsFree = 46775,
            };
            Assert.Equal(Hex.Of(Frames.Single(DeviceVectors.V17).Payload), Hex.Of(DeviceFreeSizes.Write(counts)));
        }

        [Fact]
        public void Device_side_writes_the_captured_92_byte_free_sizes_V19()
        {
            var counts = new ZkDeviceCounts
            {
                Users = 7, Fingerprints = 6, Records = 605, OpLogs = 3087, Admins = 1, Passwords = 0,
                FingerprintCapacity = 3000, UserCapacity = 10000, RecordCapacity = 100000,
                FingerprintsFree = 2994, UsersFree = 9993, RecordsFree = 99395, HasFaceFields = true,
            };
            Assert.Equal(Hex.Of(Frames.Single(DeviceVectors.V19).Payload), Hex.Of(DeviceFreeSizes.Write(counts)));
        }

        [Fact]
        public void Engine_reads_each_free_size_index_of_a_hand_written_92_byte_reply()
        {
            // Every i32 slot k holds 100 + k, so a field read from the wrong slot shows which one.
            var p = new byte[92];
            for (int k = 0; k < 23; k++)
                BitConverter.GetBytes(100 + k).CopyTo(p, k * 4);
            var c = FreeSizesCodec.Decode(p);
            Assert.Equal(
                new[] { 104, 106, 108, 110, 112, 113, 114, 115, 116, 117, 118, 119, 120, 122 },
                new[]
                {
                    c.Users,
                    c.Fingerprints,
                    c.Records,
                    c.OpLogs,
                    c.Admins,
                    c.Passwords,
                    c.FingerprintCapacity,
                    c.UserCapacity,
                    c.RecordCapacity,
                    c.FingerprintsFree,
                    c.UsersFree,
                    c.RecordsFree,
                    c.UsersWithFaces,
                    c.FaceCapacity,
                }
            );
        }

        [Theory]
        [InlineData("d2414624", 2018, 12, 7, 19, 9, 6)] // pyzk's worked example, 0x244641D2
        [InlineData("6bb36823", 2018, 6, 25, 17, 50, 35)] // inside the published Z16 attendance record
        [InlineData("6f50d52c", 2023, 5, 26, 18, 7, 43)] // computed with pyzk's __encode_time
        [InlineData("8df95e2e", 2024, 3, 15, 8, 30, 5)] // fpmachine utils.py / firmware OldEncodeTime golden
        [InlineData("00000000", 2000, 1, 1, 0, 0, 0)]
        public void Packed_time_on_both_sides(string wire, int y, int mo, int d, int h, int mi, int s)
        {
            var t = new DateTime(y, mo, d, h, mi, s);
            uint v = BitConverter.ToUInt32(Hex.Bytes(wire), 0);
            Assert.Equal((v, t), (ZkTime.Encode(t), ZkTime.Decode(v)));
            Assert.Equal((v, t), (DeviceClock.Pack(t), DeviceClock.Unpack(v)));
        }

        [Fact]
        public void Buffer_hash_golden_values_on_both_sides()
        {
            // Golden values of the firmware's hashpjw (utils.c) as fpmachine's DataBuffer.__hash__ computes them.
            var cases = new (byte[] Data, uint Hash)[]
            {
                (Array.Empty<byte>(), 0),
                (Encoding.ASCII.GetBytes("1234.jpg"), 7098924),
                (Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 12577739),
                (Enumerable.Repeat((byte)0xFF, 64).ToArray(), 1114095),
            };
            foreach (var (data, hash) in cases)
                Assert.Equal((hash, hash), (BufferHash.Compute(data), DeviceHash.Hashpjw(data)));
        }

        [Theory]
        [InlineData(12u, 0x45CF, "614d323c")]     // pyzk test.py, captured AUTH frame V4
        [InlineData(45u, 0x45CF, "61c9323c")]     // V5
        // overflow: reversed 0xFFFF8000 + 0x8000 wraps to 0 → 00000000 ^ "ZKSO", halves swapped, ^ 0x32
        [InlineData(131071u, 0x8000, "617d3279")]
        [InlineData(131071u, 0xFFFF, "617d3206")] // overflow: 0xFFFF8000 + 0xFFFF wraps to 0x00007FFF
        public void Comm_key_on_both_sides(uint key, int session, string expected)
        {
            Assert.Equal(expected, Hex.Of(CommKey.Derive(key, (ushort)session)));
            Assert.True(DeviceCommKey.Accepts(Hex.Bytes(expected), key, (ushort)session));
            Assert.False(DeviceCommKey.Accepts(Hex.Bytes(expected), key + 1, (ushort)session));
            Assert.False(DeviceCommKey.Accepts(Hex.Bytes(expected), key, (ushort)(session ^ 0x0100)));
        }

        [Fact]
        public void Comm_key_device_check_reads_ticks_from_byte_2()
        {
            // Key 12, session 0x45CF with ticks 0x07 instead of 0x32: bytes 0, 1, 3 are the swapped key XOR 0x07.
            var mixed = new byte[] { 0x53 ^ 0x07, 0x7F ^ 0x07, 0x07, 0x0E ^ 0x07 };
            Assert.True(DeviceCommKey.Accepts(mixed, 12, 0x45CF));
            Assert.Equal(Hex.Of(mixed), Hex.Of(CommKey.Derive(12, 0x45CF, 0x07)));
        }
    }
}
