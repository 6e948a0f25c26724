using System;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Tests.Interop;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>The host's session-behaviour arguments reach the device, and bad values are named.</summary>
    public class HostSessionArgumentTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        [Fact]
        public async Task Unauth_off_and_a_one_second_idle_timeout_take_effect()
        {
            using var host = await HostProcess.StartAsync(
                "--port 0 --transport tcp --profile face --unauth-on-connect off --idle-timeout-s 1 --max-sessions 1",
                Timeout
            );
            using var c = RawClient.Tcp(host.Port);
            Assert.Equal(ReplyCode.Ok, c.Connect().Command);
            using (var second = RawClient.Tcp(host.Port))
                Assert.Equal(ReplyCode.Error, second.Connect().Command);
            Assert.True(c.IsClosedByPeer(), "the host did not close the idle connection");
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task A_client_that_leaves_without_exit_keeps_its_slot_unless_free_session_on_disconnect(bool free)
        {
            using var host = await HostProcess.StartAsync(
                "--port 0 --transport tcp --max-sessions 1" + (free ? " --free-session-on-disconnect" : ""), Timeout);
            using (var rude = RawClient.Tcp(host.Port)) Assert.Equal(ReplyCode.Ok, rude.Connect().Command);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(free ? 5 : 1);
            ushort answer;
            do
            {
                await Task.Delay(100);
                using var next = RawClient.Tcp(host.Port);
                answer = next.Connect().Command;
            }
            while (answer != ReplyCode.Ok && DateTime.UtcNow < deadline);
            Assert.Equal(free ? ReplyCode.Ok : ReplyCode.Error, answer);
        }

        [Theory]
        [InlineData("--unauth-on-connect maybe", "--unauth-on-connect 'maybe' must be on or off")]
        [InlineData("--idle-timeout-s -1", "--idle-timeout-s '-1' must be a whole number")]
        [InlineData("--connect-6001 yes", "--connect-6001 'yes' must be on or off")]
        [InlineData("--max-sessions -1", "--max-sessions '-1' must be a whole number from 0 to 1024")]
        [InlineData("--silent-drops --strict-refusals", "contradict each other")]
        public void Bad_values_are_named(string arguments, string message)
        {
            var result = ExternalProcess.Run(
                ExternalProcess.FindOnPath("dotnet") ?? "dotnet",
                $"\"{HostTests.HostDll()}\" {arguments}",
                System.IO.Path.GetTempPath(),
                Timeout,
                stdin: ""
            );
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(message, result.Stderr + result.Stdout);
        }
    }
}
