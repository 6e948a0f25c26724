using System;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>The console host's firmware-quirk flags: --silent-drops (no value), --hide-options, --damage-upload-of.</summary>
    public class HostQuirkFlagTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        [Fact]
        public async Task Quirk_flags_hide_options_and_ack_and_drop_a_damaged_batch()
        {
            using var host = await HostProcess.StartAsync("--port 0 --transport tcp --silent-drops "
                + $"--hide-options ~ZKFPVersion,FaceFunOn --damage-upload-of {CommandCode.ApplyUploadBuffer}", Timeout);
            using var c = RawClient.Tcp(host.Port);
            Assert.Equal(ReplyCode.Ok, c.Connect().Command);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("~ZKFPVersion")).Command);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("FaceFunOn")).Command);
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.OptionsRead, OptionCodec.EncodeRequest("~PIN2Width")).Command);

            var batch = new BatchUpload();
            batch.Users.Add(new BatchUserEntry(BatchOperation.AddOrOverwrite, Records.User(10, "1010")));
            c.Upload(BatchUploadCodec.Encode(batch));
            byte[] batchCommand = { 0x0c, 0, 0, 0, 0, 0, 8, 0 };
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.ApplyUploadBuffer, batchCommand).Command); // ACKed...
            var sizes = FreeSizesCodec.Decode(c.Request(CommandCode.GetFreeSizes).Payload);
            Assert.Equal(0, sizes.Users); // ...and dropped
        }
    }
}
