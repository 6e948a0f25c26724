using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    public class LoggingTests
    {
        [Fact]
        public async Task Commands_are_logged_at_debug_and_the_comm_key_never_appears()
        {
            const uint key = 987654;
            using var emu = await Emulated.StartAsync("tft", users: 3, commKey: key);
            var log = new CapturingLogger();
            var o = Emulated.Options(emu, ZkTransportKind.Tcp, key);
            o.Logger = log;
            using (var c = await ZkDeviceClient.ConnectAsync(o))
            {
                await c.GetUsersAsync();
                await c.CloseAsync();
            }
            var wrong = Emulated.Options(emu, ZkTransportKind.Tcp, key + 1);
            wrong.Logger = log;
            var ex = await Assert.ThrowsAsync<ZkAuthenticationException>(() => ZkDeviceClient.ConnectAsync(wrong));

            Assert.Contains(log.Lines, l => l.Level == LogLevel.Debug && l.Text.Contains("sent command 1503"));
            Assert.Contains(log.Lines, l => l.Level == LogLevel.Information && l.Text.Contains("connected"));
            Assert.Contains(log.Lines, l => l.Level == LogLevel.Information && l.Text.Contains("disconnected"));
            var secrets = new[]
            {
                key.ToString(CultureInfo.InvariantCulture),
                (key + 1).ToString(CultureInfo.InvariantCulture),
            };
            Assert.DoesNotContain(log.Lines, l => secrets.Any(s => l.Text.Contains(s)));
            Assert.DoesNotContain(secrets, s => ex.ToString().Contains(s));
        }
    }
}
