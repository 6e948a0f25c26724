using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    public class TemplateTests
    {
        private static byte[] Key(ushort uid, int finger) => new byte[] { (byte)uid, (byte)(uid >> 8), (byte)finger };

        [Fact]
        public async Task Command_88_returns_the_template_plus_a_trailing_flag_byte_as_large_data()
        {
            using var emu = await Emu.Start("tft", 5);
            var t = emu.State.Templates.First();
            using var c = Emu.Client(emu);
            var large = c.ReceiveLarge(c.Request(CommandCode.UserTemplateExRead, Key(t.Uid, t.Finger)));
            Assert.Equal(CommandCode.PrepareData, large.First.Command);
            Assert.Equal(t.Data.Length + 1, large.Data.Length);
            Assert.Equal(t.Data, large.Data.Take(t.Data.Length));
            Assert.Equal(1, large.Data[^1]);
            Assert.Equal("SS21", System.Text.Encoding.ASCII.GetString(large.Data, 2, 4));
        }

        [Fact]
        public async Task Command_9_returns_the_template_only_and_zkfinger_9_answers_inline()
        {
            using var emu = await Emu.Start("tft", 5);
            var t = emu.State.Templates.First();
            using var c = Emu.Client(emu);
            Assert.Equal(t.Data, c.ReceiveLarge(c.Request(CommandCode.UserTemplateRead, Key(t.Uid, t.Finger))).Data);

            using var v9 = await Emu.Start("bw", 5, configure: o => o.FingerprintVersion = 9);
            var t9 = v9.State.Templates.First();
            Assert.InRange(t9.Data.Length, 400, 598);
            using var d = Emu.Client(v9, EmulatorTransport.Udp);
            var inline = d.Request(CommandCode.UserTemplateExRead, Key(t9.Uid, t9.Finger));
            Assert.Equal(ReplyCode.Ok, inline.Command);
            Assert.Equal(t9.Data.Length + 1, inline.SessionId);
            Assert.Equal(t9.Data, inline.Payload.Take(t9.Data.Length));
        }

        private static byte[] Write87(ushort uid, int finger, byte flag, byte[]? inline = null, int size = 0)
        {
            var p = new byte[6 + (inline?.Length ?? 0)];
            p[0] = (byte)uid; p[1] = (byte)(uid >> 8); p[2] = (byte)finger; p[3] = flag;
            int n = inline?.Length ?? size;
            p[4] = (byte)n; p[5] = (byte)(n >> 8);
            inline?.CopyTo(p, 6);
            return p;
        }

        [Fact]
        public async Task Command_87_stores_an_uploaded_template_with_its_flag_on_zkfinger_10()
        {
            using var emu = await Emu.Start("tft", 3);
            var t = emu.State.Templates.First(x => x.Uid == 1);
            using var c = Emu.Client(emu);
            var template = t.Data.Reverse().ToArray();

            c.Upload(template);
            var ok = c.Request(CommandCode.UserTemplateExWrite, Write87(1, t.Finger, 3, size: template.Length));
            Assert.Equal((ReplyCode.Ok, (ushort)0), (ok.Command, ok.SessionId)); // FDB_OK in the session field
            var stored = emu.State.FindTemplate(1, t.Finger)!;
            Assert.Equal(3, stored.Flag);
            Assert.Equal(template, stored.Data); // overwritten, duress kept

            c.Upload(template);
            Assert.Equal(
                ReplyCode.Ok,
                c.Request(CommandCode.UserTemplateExWrite, Write87(1, 9, 0, size: template.Length)).Command
            );
            Assert.Equal(1, emu.State.FindTemplate(1, 9)!.Flag); // 0 is stored as 1 (valid)

            var noUser = c.Request(CommandCode.UserTemplateExWrite, Write87(999, 0, 1, size: template.Length));
            Assert.Equal((ReplyCode.Error, (ushort)0xFFFC), (noUser.Command, noUser.SessionId)); // FDB_ERROR_NODATA
            Assert.Null(emu.State.FindTemplate(999, 0));
        }

        [Fact]
        public async Task Command_87_takes_the_template_inline_on_zkfinger_9_and_refuses_a_taken_finger()
        {
            using var emu = await Emu.Start("bw", 3, configure: o => o.FingerprintVersion = 9);
            var t = emu.State.Templates.First(x => x.Uid == 1);
            using var c = Emu.Client(emu, EmulatorTransport.Udp);
            var template = t.Data.Reverse().ToArray();

            var taken = c.Request(CommandCode.UserTemplateExWrite, Write87(1, t.Finger, 3, template));
            Assert.Equal((ReplyCode.Error, (ushort)4), (taken.Command, taken.SessionId)); // FDB_FID_EXISTS
            Assert.Equal(t.Data, emu.State.FindTemplate(1, t.Finger)!.Data);

            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.DeleteUserTemplate, Key(1, t.Finger)).Command);
            Assert.Equal(
                ReplyCode.Ok,
                c.Request(CommandCode.UserTemplateExWrite, Write87(1, t.Finger, 3, template)).Command
            );
            var stored = emu.State.FindTemplate(1, t.Finger)!;
            Assert.Equal(3, stored.Flag);
            Assert.Equal(template, stored.Data);
        }

        [Fact]
        public async Task Missing_template_reads_are_errors()
        {
            using var emu = await Emu.Start("tft", 2);
            using var c = Emu.Client(emu);
            int missing = Enumerable.Range(0, 10).First(f => emu.State.FindTemplate(1, f) == null);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserTemplateExRead, Key(1, missing)).Command);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.UserTemplateRead, Key(99, 0)).Command);
        }

        [Fact]
        public async Task Delete_one_template_by_uid_and_all_by_pin()
        {
            using var emu = await Emu.Start("tft", 3);
            using var c = Emu.Client(emu);
            var t = emu.State.Templates.First(x => x.Uid == 1);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.DeleteUserTemplate, Key(1, t.Finger)).Command);
            Assert.Null(emu.State.FindTemplate(1, t.Finger));
            var again = c.Request(CommandCode.DeleteUserTemplate, Key(1, t.Finger));
            Assert.Equal(ReplyCode.Error, again.Command);
            Assert.Equal(2, again.SessionId);

            string pin = emu.State.FindUser(2)!.Pin2;
            var payload = PinPayload.FaceRequest(pin).Take(25).ToArray();
            payload[24] = 13; // all fingers
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.SsrDeleteUserTemplate, payload).Command);
            Assert.DoesNotContain(emu.State.Templates, x => x.Uid == 2);
            payload[24] = 4; // nothing left: OK with session field 2
            Assert.Equal(2, c.Request(CommandCode.SsrDeleteUserTemplate, payload).SessionId);
            var unknown = PinPayload.FaceRequest("777777").Take(25).ToArray();
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.SsrDeleteUserTemplate, unknown).Command);
        }
    }
}
