using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;
using ZkSync.Emulator.Tests.Interop;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>The console host, run as a separate process (dotnet &lt;dll&gt;) with a timeout.</summary>
    public class HostTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        internal static string HostDll()
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "ZkSync.Emulator.dll");
            Assert.True(File.Exists(dll), $"host not built next to the tests: {dll}");
            return dll;
        }

        private static string Dotnet() => ExternalProcess.FindOnPath("dotnet") ?? "dotnet";

        [Fact]
        public void Host_prints_the_listening_line_and_exits_0_at_end_of_input()
        {
            var result = ExternalProcess.Run(
                Dotnet(),
                $"\"{HostDll()}\" --port 0 --transport both --profile tft --users 5 --seed 1",
                Path.GetTempPath(),
                Timeout,
                stdin: ""
            );
            Assert.Equal(0, result.ExitCode);
            var match = Regex.Match(result.Stdout, @"^listening on 127\.0\.0\.1:(\d+)$", RegexOptions.Multiline);
            Assert.True(match.Success, result.Stdout + result.Stderr);
            Assert.InRange(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 1, 65535);
        }

        [Fact]
        public async System.Threading.Tasks.Task Host_serves_while_stdin_is_open_and_saves_state_on_exit()
        {
            string state = Path.Combine(Path.GetTempPath(), "zksync-host-" + Guid.NewGuid().ToString("N") + ".json");
            using var host = await HostProcess.StartAsync(
                $"--port 0 --profile bw --users 3 --state \"{state}\"",
                Timeout
            );
            var p = host.Process;
            int port = host.Port;
            try
            {
                using (var c = RawClient.Udp(port))
                {
                    Assert.Equal(ReplyCode.Ok, c.Connect().Command);
                    Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.DeleteUser, new byte[] { 1, 0 }).Command);
                }
                p.StandardInput.Close();
                Assert.True(p.WaitForExit((int)Timeout.TotalMilliseconds), "host did not exit at end of input");
                Assert.Equal(0, p.ExitCode);
                Assert.Contains("\"Users\"", File.ReadAllText(state));
            }
            finally
            {
                File.Delete(state);
            }
        }

        [Fact]
        public void Capacity_arguments_are_accepted()
        {
            var result = ExternalProcess.Run(
                Dotnet(),
                $"\"{HostDll()}\" --port 0 --profile face --users 3 --max-face-count 1 --fp-capacity 50",
                Path.GetTempPath(),
                Timeout,
                stdin: ""
            );
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Matches(@"listening on 127\.0\.0\.1:\d+", result.Stdout);
        }

        [Fact]
        public async System.Threading.Tasks.Task Host_answers_stats_with_one_json_line_and_zeroes_them_on_reset_stats()
        {
            using var host = await HostProcess.StartAsync(
                $"--port 0 --transport udp --latency-ms 0.5 --bytes-per-second 1000000",
                Timeout
            );
            var p = host.Process;
            int port = host.Port;
            using (var c = RawClient.Udp(port))
            {
                Assert.Equal(ReplyCode.Ok, c.Connect().Command);
                Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetVersion).Command);
            }
            var stats = await Stats(p);
            Assert.Equal(2, stats.GetProperty("requests").GetInt64());
            Assert.Equal(2, stats.GetProperty("roundTrips").GetInt64());
            Assert.Equal(16, stats.GetProperty("bytesIn").GetInt64());
            Assert.True(stats.GetProperty("bytesOut").GetInt64() > 16);
            Assert.Equal(0, stats.GetProperty("dropped").GetInt64());
            Assert.Equal(0, stats.GetProperty("retransmits").GetInt64());

            await p.StandardInput.WriteLineAsync("reset-stats");
            var zero = await Stats(p);
            Assert.Equal(0, zero.GetProperty("requests").GetInt64());
            Assert.Equal(0, zero.GetProperty("bytesOut").GetInt64());

            p.StandardInput.Close();
            Assert.True(p.WaitForExit((int)Timeout.TotalMilliseconds), "host did not exit at end of input");
            Assert.Equal(0, p.ExitCode);
        }

        [Fact]
        public async System.Threading.Tasks.Task Host_injects_faults_from_its_arguments_and_clears_them_on_request()
        {
            using var host = await HostProcess.StartAsync(
                $"--port 0 --transport udp --error-command {CommandCode.GetVersion} --drop-rate 0 --fault-seed 3",
                Timeout
            );
            var p = host.Process;
            int port = host.Port;
            using var c = RawClient.Udp(port);
            Assert.Equal(ReplyCode.Ok, c.Connect().Command);
            Assert.Equal(ReplyCode.Error, c.Request(CommandCode.GetVersion).Command);
            await p.StandardInput.WriteLineAsync("clear-faults");
            await Stats(p); // a round trip through the control loop: the line before it has been handled
            Assert.Equal(ReplyCode.Ok, c.Request(CommandCode.GetVersion).Command);
            await p.StandardInput.WriteLineAsync("restart");
            await Stats(p);
            c.Send(CommandCode.GetVersion);
            Assert.True(c.StaysSilent()); // the session did not survive the restart
            p.StandardInput.Close();
            Assert.True(p.WaitForExit((int)Timeout.TotalMilliseconds), "host did not exit at end of input");
        }

        private static async System.Threading.Tasks.Task<System.Text.Json.JsonElement> Stats(
            System.Diagnostics.Process p
        )
        {
            await p.StandardInput.WriteLineAsync("stats");
            await p.StandardInput.FlushAsync();
            string? json = await p.StandardOutput.ReadLineAsync().WaitAsync(Timeout);
            Assert.NotNull(json);
            return System.Text.Json.JsonDocument.Parse(json!).RootElement.Clone();
        }

        [Theory]
        [InlineData("--latency-ms -3", "--latency-ms")]
        [InlineData("--drop-rate 2", "--drop-rate")]
        [InlineData("--reset-after-requests 0", "--reset-after-requests")]
        [InlineData("--bytes-per-second lots", "--bytes-per-second")]
        [InlineData("--port 70000", "--port")]
        [InlineData("--transport smoke", "--transport")]
        [InlineData("--profile xyz", "profile")]
        [InlineData("--bogus 1", "--bogus")]
        [InlineData("--max-face-count -1", "--max-face-count")]
        [InlineData("--fp-capacity 0", "--fp-capacity")]
        public void Bad_arguments_exit_2_naming_the_argument(string args, string named)
        {
            var result = ExternalProcess.Run(
                Dotnet(),
                $"\"{HostDll()}\" {args}",
                Path.GetTempPath(),
                Timeout,
                stdin: ""
            );
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(named, result.Stderr);
        }

        [Fact]
        public void Help_prints_usage_and_exits_0()
        {
            var result = ExternalProcess.Run(
                Dotnet(),
                $"\"{HostDll()}\" --help",
                Path.GetTempPath(),
                Timeout,
                stdin: ""
            );
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("--comm-key", result.Stdout);
        }
    }
}
