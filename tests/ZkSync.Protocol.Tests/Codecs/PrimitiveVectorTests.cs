using System;
using System.Linq;
using System.Text;
using Xunit;
using ZkSync.Protocol.Codecs;

namespace ZkSync.Protocol.Tests.Codecs
{
    public class PrimitiveVectorTests
    {
        [Theory]
        [InlineData(12u, 0x45CF, "614d323c")] // V4
        [InlineData(45u, 0x45CF, "61c9323c")] // V5
        [InlineData(0u, 0x45CF, "617d323c")]
        public void Comm_key_matches_pyzk_captures(uint key, int session, string expected)
        {
            Assert.Equal(expected, Hex.Of(CommKey.Derive(key, (ushort)session)));
            Assert.True(CommKey.Matches(Hex.Bytes(expected), key, (ushort)session));
            Assert.False(CommKey.Matches(Hex.Bytes(expected), key + 1, (ushort)session));
        }

        [Fact]
        public void Comm_key_check_accepts_any_ticks_byte()
        {
            var payload = CommKey.Derive(123456, 0x1234, ticks: 7);
            Assert.True(CommKey.Matches(payload, 123456, 0x1234));
        }

        [Fact]
        public void Comm_key_overflow_wraps_like_firmware()
        {
            // 131071's reversed bits plus a high session id exceed 32 bits; firmware wraps, pyzk raises.
            var payload = CommKey.Derive(131071, 0xFFFF);
            Assert.True(CommKey.Matches(payload, 131071, 0xFFFF));
        }

        [Fact]
        public void Buffer_hash_golden_values()
        {
            Assert.Equal(0u, BufferHash.Compute(Array.Empty<byte>()));
            Assert.Equal(7098924u, BufferHash.Compute(Encoding.ASCII.GetBytes("1234.jpg")));
            Assert.Equal(12577739u, BufferHash.Compute(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray()));
            Assert.Equal(0u, BufferHash.Compute(new byte[2576]));
            Assert.Equal(1114095u, BufferHash.Compute(Enumerable.Repeat((byte)0xFF, 64).ToArray()));
        }

        [Fact]
        public void Time_encoding_worked_examples()
        {
            Assert.Equal(608584146u, ZkTime.Encode(new DateTime(2018, 12, 7, 19, 9, 6)));
            Assert.Equal(0u, ZkTime.Encode(new DateTime(2000, 1, 1)));
            Assert.Equal(
                "ff69492e",
                Hex.Of(BitConverter.GetBytes(ZkTime.Encode(new DateTime(2024, 2, 29, 23, 59, 59))))
            );
            Assert.Equal(777976205u, ZkTime.Encode(new DateTime(2024, 3, 15, 8, 30, 5)));
            Assert.Equal(new DateTime(2018, 12, 7, 19, 9, 6), ZkTime.Decode(608584146u));
        }

        [Fact]
        public void Time_outside_device_range_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ZkTime.Encode(new DateTime(1999, 12, 31)));
        }
    }
}
