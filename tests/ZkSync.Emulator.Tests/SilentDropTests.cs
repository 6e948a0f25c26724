using System;
using System.Buffers.Binary;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Emulator.Core.Seeding;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>
    /// By default, as firmware, what firmware ACKs without storing is ACKed and dropped (and logged); --strict-refusals
    /// refuses the same uploads with CMD_ACK_ERROR. <c>silent</c> = the default, false = strict refusals asked for.
    /// </summary>
    public class SilentDropTests
    {
        private static readonly byte[] BatchCommand = { 0x0c, 0, 0, 0, 0, 0, 8, 0 };

        private static Task<DeviceEmulator> Start(
            bool silent,
            string profile = "tft",
            System.Action<EmulatorOptions>? more = null
        ) => Emu.Start(profile, 0, configure: o =>
            {
                o.StrictRefusals = !silent;
                more?.Invoke(o);
            });

        private static byte[] OneUserBatch(byte[] template)
        {
            var batch = new BatchUpload();
            batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(10, "1010")));
            batch.Templates.Add(new BatchTemplateEntry(BatchOperation.AddOrOverwrite, 10, 0x10 + 2, template));
            return BatchUploadCodec.Encode(batch);
        }

        /// <summary>A ZKFinger 10 template as captured: two bytes, then "SS21", then data.</summary>
        private static byte[] ZkFinger10Template(int length)
        {
            var t = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
            t[2] = (byte)'S'; t[3] = (byte)'S'; t[4] = (byte)'2'; t[5] = (byte)'1';
            return t;
        }

        [Theory]
        [InlineData(false, ReplyCode.Error)]
        [InlineData(true, ReplyCode.Ok)]
        public async Task Malformed_batch_is_refused_or_acked_and_dropped(bool silent, ushort expected)
        {
            using var emu = await Start(silent);
            using var c = Emu.Client(emu);
            var data = OneUserBatch(new byte[500]);
            BinaryPrimitives.WriteUInt32LittleEndian(data, 72); // the user block no longer adds up
            c.Upload(data);
            Assert.Equal(expected, c.Request(CommandCode.ApplyUploadBuffer, BatchCommand).Command);
            Assert.Equal(0, emu.State.UserCount);
            Assert.True(emu.Log.Contains(
                silent ? "ACKed and dropped (as firmware): malformed batch" : "refused: malformed batch upload"));
        }

        [Theory]
        [InlineData(false, ReplyCode.Error)]
        [InlineData(true, ReplyCode.Ok)]
        public async Task Partial_upload_buffer_is_refused_or_acked_and_dropped(bool silent, ushort expected)
        {
            using var emu = await Start(silent);
            using var c = Emu.Client(emu);
            var data = OneUserBatch(new byte[500]);
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.PrepareData, size).Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.Data, data.Take(data.Length / 2).ToArray()).Command);
            Assert.Equal(expected, c.Request(CommandCode.ApplyUploadBuffer, BatchCommand).Command);
            Assert.Equal(0, emu.State.UserCount);
            Assert.True(emu.Log.Contains("upload buffer not completely filled"));
        }

        [Theory]
        [InlineData(false, ReplyCode.Error)]
        [InlineData(true, ReplyCode.Ok)]
        public async Task Photo_that_is_not_a_jpeg_is_refused_or_acked_and_dropped(bool silent, ushort expected)
        {
            using var emu = await Start(silent, "face");
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(3, "300"));
            c.Upload(Enumerable.Repeat((byte)0x42, 2000).ToArray());
            Assert.Equal(expected, c.Request(CommandCode.UserPhotoWrite, PinPayload.PhotoWrite("300")).Command);
            Assert.False(emu.State.Photos.ContainsKey("300.jpg"));
        }

        [Fact]
        public async Task Batch_template_of_the_other_algorithm_is_acked_and_skipped_in_both_modes()
        {
            foreach (bool silent in new[] { false, true })
            {
                using var emu = await Start(silent, more: o => o.FingerprintVersion = 9);
                using var c = Emu.Client(emu);
                // fits ZKFinger 9's 602 bytes by size, not by algorithm
                c.Upload(OneUserBatch(ZkFinger10Template(520)));
                Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.ApplyUploadBuffer, BatchCommand).Command);
                Assert.NotNull(emu.State.FindUser(10));
                Assert.Null(emu.State.FindTemplate(10, 2));
                Assert.True(emu.Log.Contains("ZKFinger 10 template"));
            }
        }

        [Fact]
        public async Task A_default_device_acks_and_drops_a_photo_that_is_not_a_jpeg_as_firmware_does()
        {
            using var emu = await Emu.Start("face", 0);
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(3, "300"));
            c.Upload(Enumerable.Repeat((byte)0x42, 2000).ToArray());
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.UserPhotoWrite, PinPayload.PhotoWrite("300")).Command);
            Assert.False(emu.State.Photos.ContainsKey("300.jpg"));
            Assert.True(emu.Log.Contains("ACKed and dropped (as firmware)"));
        }

        [Fact]
        public async Task A_zkfinger9_template_is_still_stored_on_a_zkfinger9_device()
        {
            using var emu = await Start(true, more: o => o.FingerprintVersion = 9);
            using var c = Emu.Client(emu);
            var plain = Enumerable.Range(0, 520).Select(i => (byte)(i * 3 + 1)).ToArray();
            c.Upload(OneUserBatch(plain));
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.ApplyUploadBuffer, BatchCommand).Command);
            Assert.Equal(plain, emu.State.FindTemplate(10, 2)!.Data);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Template_write_87_of_the_other_algorithm_is_refused_with_fdb_error_data_or_acked_with_fdb_ok(
            bool silent
        )
        {
            using var emu = await Start(silent, more: o => o.FingerprintVersion = 9);
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(4, "400"));
            var template = ZkFinger10Template(300);
            var payload = new byte[6 + template.Length];
            BinaryPrimitives.WriteUInt16LittleEndian(payload, 4);
            payload[2] = 1;
            payload[3] = 1;
            BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(4), (ushort)template.Length);
            template.CopyTo(payload, 6);
            var reply = c.Request(CommandCode.UserTemplateExWrite, payload);
            Assert.Equal(silent ? ReplyCode.Ok : ReplyCode.Error, reply.Command);
            Assert.Equal(silent ? 0 : 0xFFFA, reply.SessionId);
            Assert.Null(emu.State.FindTemplate(4, 1));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Face_write_beyond_face_capacity_is_refused_in_both_modes_as_firmware(bool silent)
        {
            const ushort expected = ReplyCode.Error; // FW commu.c 1141-1145
            using var emu = await Start(silent, "face", o => o.MaxFaceCount = 0);
            using var c = Emu.Client(emu);
            c.Request(CommandCode.UserWrite, Records.User(1, "100"));
            var blob = FaceRecordCodec.EncodeBlob(
                new[] { FaceRecordCodec.Build(1, 0, 1, Enumerable.Repeat((byte)0x33, 1200).ToArray()) }.ToList()
            );
            c.Upload(blob);
            Assert.Equal(
                expected,
                c.Request(CommandCode.UserFaceWrite, PinPayload.FaceRequest("100", blob.Length)).Command
            );
            Assert.Empty(emu.State.FacesOf(1));
        }

        [Theory]
        [InlineData(false, ReplyCode.Error)]
        [InlineData(true, ReplyCode.Ok)]
        public async Task Damaged_upload_fault_loses_the_buffer_tail_before_the_chosen_command_runs(
            bool silent,
            ushort expected
        )
        {
            using var emu = await Start(silent, more: o =>
                o.Faults = new FaultOptions { DamageUploadOf = CommandCode.ApplyUploadBuffer }
            );
            using var c = Emu.Client(emu);
            c.Upload(OneUserBatch(new byte[500]));
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.HashData).Command); // the transfer itself was whole
            Assert.Equal(expected, c.Request(CommandCode.ApplyUploadBuffer, BatchCommand).Command);
            Assert.Equal(0, emu.State.UserCount);
            Assert.True(emu.Log.Contains("lost its tail"));
        }

        [Theory]
        [InlineData("tft", ReplyCode.Error)]
        [InlineData("face", ReplyCode.OptionNotFound)]
        public async Task Hidden_option_is_answered_as_unknown_while_others_still_answer(
            string profile,
            ushort expected
        )
        {
            using var emu = await Emu.Start(profile, 0, configure: o => o.HiddenOptions = new[] { "~ZKFPVersion" });
            using var c = Emu.Client(emu);
            Assert.Equal(
                expected,
                c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("~ZKFPVersion")).Command
            );
            Assert.Equal(
                ReplyCode.Ok,
                c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("~PIN2Width")).Command
            );
        }
    }
}
