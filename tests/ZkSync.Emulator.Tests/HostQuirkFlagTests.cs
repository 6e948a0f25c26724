using System;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>
    /// The console host's firmware-quirk flags: --strict-refusals and the older --silent-drops (no value, now the
    /// default), --hide-options, --damage-upload-of.
    /// </summary>
    public class HostQuirkFlagTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        [Fact]
        public async Task Quirk_flags_hide_options_and_ack_and_drop_a_damaged_batch()
        {
            using var host = await HostProcess.StartAsync(
                "--port 0 --transport tcp --silent-drops "
                    + $"--hide-options ~ZKFPVersion,FaceFunOn --damage-upload-of {CommandCode.ApplyUploadBuffer}",
                Timeout
            );
            using var c = RawClient.Tcp(host.Port);
            Assert.Equal(ReplyCode.Ok, c.Connect().Command);
            Assert.Equal(
                ReplyCode.Error,
                c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("~ZKFPVersion")).Command
            );
            Assert.Equal(
                ReplyCode.Error,
                c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("FaceFunOn")).Command
            );
            Assert.Equal(
                ReplyCode.Ok,
                c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("~PIN2Width")).Command
            );

            var batch = new BatchUpload();
            batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(10, "1010")));
            c.Upload(BatchUploadCodec.Encode(batch));
            byte[] batchCommand = { 0x0c, 0, 0, 0, 0, 0, 8, 0 };
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.ApplyUploadBuffer, batchCommand).Command); // ACKed...
            var sizes = FreeSizesCodec.Decode(c.Request(CommandCode.GetFreeSizes).Payload);
            Assert.Equal(0, sizes.Users); // ...and dropped
        }

        [Fact]
        public async Task Strict_refusals_flag_refuses_a_damaged_batch()
        {
            using var host = await HostProcess.StartAsync(
                $"--port 0 --transport tcp --strict-refusals --damage-upload-of {CommandCode.ApplyUploadBuffer}",
                Timeout);
            using var c = RawClient.Tcp(host.Port);
            Assert.Equal(ReplyCode.Ok, c.Connect().Command);
            var batch = new BatchUpload();
            batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(10, "1010")));
            c.Upload(BatchUploadCodec.Encode(batch));
            byte[] batchCommand = { 0x0c, 0, 0, 0, 0, 0, 8, 0 };
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.ApplyUploadBuffer, batchCommand).Command);
            Assert.Equal(0, FreeSizesCodec.Decode(c.Request(CommandCode.GetFreeSizes).Payload).Users);
        }

        [Fact]
        public async Task Ack_drop_flags_drop_exactly_the_chosen_request_of_a_command()
        {
            // The second batch after the first CMD_GET_FREE_SIZES is ACKed and dropped; the first and third are stored.
            using var host = await HostProcess.StartAsync(
                $"--port 0 --transport tcp --ack-drop-command {CommandCode.ApplyUploadBuffer} "
                    + $"--ack-drop-occurrence 2 --ack-drop-after-command {CommandCode.GetFreeSizes}",
                Timeout
            );
            using var c = RawClient.Tcp(host.Port);
            Assert.Equal(ReplyCode.Ok, c.Connect().Command);
            int Users() => FreeSizesCodec.Decode(c.Request(CommandCode.GetFreeSizes).Payload).Users;
            void Write(ushort uid)
            {
                var batch = new BatchUpload();
                batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(uid, "10" + uid)));
                c.Upload(BatchUploadCodec.Encode(batch));
                Assert.Equal(
                    ReplyCode.Ok,
                    c.Request(CommandCode.ApplyUploadBuffer, new byte[] { 0x0c, 0, 0, 0, 0, 0, 8, 0 }).Command
                );
            }

            Write(10); // before the first 50: not counted
            Assert.Equal(1, Users());
            Write(11);
            Assert.Equal(2, Users());
            Write(12); // the second counted: ACKed and dropped
            Assert.Equal(2, Users());
            Write(13);
            Assert.Equal(3, Users());
        }
    }
}
