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
