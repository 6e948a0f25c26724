using System;
using System.Buffers.Binary;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    public class DeviceInfoTests
    {
        [Theory]
        [InlineData("tft", "~ZKFPVersion", "10")]
        [InlineData("tft", "~Platform", "ZEM600_TFT")]
        [InlineData("face", "ZKFaceVersion", "7")]
        [InlineData("face", "FaceFunOn", "1")]
        [InlineData("face", "~MaxFaceCount", "7")]
        [InlineData("bw", "~ExtendFmt", "0")]
        [InlineData("tft", "~PIN2Width", "9")]
        public async Task Options_are_answered_as_name_equals_value(string profile, string name, string value)
        {
            using var emu = await Emu.Start(profile);
            using var c = Emu.Client(emu);
            var reply = c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest(name));
            Assert.Equal(ReplyCode.Ok, reply.Command);
            Assert.Equal(name + "=" + value + "\0", Encoding.ASCII.GetString(reply.Payload));
        }

        [Theory]
        [InlineData("tft", ReplyCode.Error)]
        [InlineData("face", ReplyCode.OptionNotFound)]
        public async Task Unknown_option_is_an_error_4999_on_zmm(string profile, ushort code)
        {
            using var emu = await Emu.Start(profile);
            using var c = Emu.Client(emu);
            Assert.Equal(code, c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("NoSuchOption")).Command);
        }

        [Fact]
        public async Task Written_option_reads_back_and_a_bad_assignment_is_refused()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            Assert.Equal(
                ReplyCode.Ok,
                c.Request(CommandCode.OptionsWrite, Encoding.ASCII.GetBytes("SDKBuild=1")).Command
            );
            Assert.Equal(
                "SDKBuild=1\0",
                Encoding.ASCII.GetString(
                    c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("SDKBuild")).Payload
                )
            );
            var bad = c.Request(CommandCode.OptionsWrite, Encoding.ASCII.GetBytes("novalue"));
            Assert.Equal(ReplyCode.Error, bad.Command);
            Assert.Equal(1, bad.SessionId);
        }

        [Theory]
        [InlineData("tft", 80)]
        [InlineData("face", 92)]
        public async Task Free_sizes_report_counts_and_capacities(string profile, int length)
        {
            using var emu = await Emu.Start(profile, 25);
            using var c = Emu.Client(emu);
            var reply = c.Request(CommandCode.GetFreeSizes);
            Assert.Equal(length, reply.Payload.Length);
            int At(int index) => WireReader.FreeSize(reply.Payload, index);
            Assert.Equal(25, At(4));
            Assert.Equal(emu.State.TemplateCount, At(6));
            Assert.Equal(75, At(8));
            Assert.Equal(emu.State.AdminCount, At(12));
            Assert.Equal(emu.Profile.UserCapacity - 25, At(18));
            if (length == 92)
            {
                Assert.Equal(25, At(20));
                Assert.Equal(700, At(22));
            }
        }

        [Fact]
        public async Task Version_pin_width_state_and_time()
        {
            using var emu = await Emu.Start();
            using var c = Emu.Client(emu);
            Assert.StartsWith("Ver ", Encoding.ASCII.GetString(c.Request(CommandCode.GetVersion).Payload));
            Assert.Equal(new byte[] { 9 }, c.Request(CommandCode.GetPinWidth, new byte[] { 0x20, 0x50 }).Payload);
            Assert.Equal(0, c.Request(CommandCode.StateRead).SessionId);

            var target = new DateTime(2031, 7, 4, 12, 0, 0);
            var payload = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(payload, ZkTime.Encode(target));
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.SetTime, payload).Command);
            uint now = BinaryPrimitives.ReadUInt32LittleEndian(c.Request(CommandCode.GetTime).Payload);
            Assert.InRange(now - WireReader.PackedTime(target), 0u, 60u);
        }
    }
}
