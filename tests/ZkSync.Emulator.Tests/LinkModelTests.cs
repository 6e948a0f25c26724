using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>Counters are exact; the link model makes transfers take at least bytes/throughput (lower bounds
    /// only).</summary>
    public class LinkModelTests
    {
        [Theory]
        [InlineData(EmulatorTransport.Tcp, 8)]
        [InlineData(EmulatorTransport.Udp, 0)]
        public async Task Counters_are_exact_for_a_known_exchange(EmulatorTransport transport, int envelope)
        {
            using var emu = await Emu.Start("tft", 3);
            using var c = RawClient.Open(transport, emu.Port);
            var replies = new List<Packet>
            {
                c.Connect(),
                c.Request(CommandCode.GetVersion),
                c.Request(CommandCode.GetFreeSizes),
            };
            var requests = new[]
            {
                new Packet(CommandCode.Connect, 0, 0),
                new Packet(CommandCode.GetVersion, c.SessionId, 1),
                new Packet(CommandCode.GetFreeSizes, c.SessionId, 2),
            };

            Assert.Equal(3, emu.Counters.Requests);
            Assert.Equal(3, emu.Counters.RoundTrips);
            Assert.Equal(3, emu.Counters.PacketsOut);
            Assert.Equal(requests.Sum(p => p.Encode().Length + envelope), emu.Counters.BytesIn);
            Assert.Equal(replies.Sum(p => p.Encode().Length + envelope), emu.Counters.BytesOut);
            Assert.Equal(0, emu.Counters.Dropped);
            Assert.Equal(0, emu.Counters.Retransmits);

            emu.Counters.Reset();
            Assert.Equal(
                "{\"requests\":0,\"roundTrips\":0,\"bytesIn\":0,\"bytesOut\":0,\"dropped\":0,\"retransmits\":0,"
                    + "\"packetsOut\":0,\"deviceMicroseconds\":0}",
                emu.Counters.ToJson()
            );
            var version = c.Request(CommandCode.GetVersion);
            Assert.Equal(1, emu.Counters.Requests);
            Assert.Equal(version.Encode().Length + envelope, emu.Counters.BytesOut);
        }

        [Fact]
        public async Task A_retransmission_and_a_silent_drop_are_counted()
        {
            using var emu = await Emu.Start("tft");
            using var c = Emu.Client(emu, EmulatorTransport.Udp);
            c.Request(CommandCode.GetVersion);
            c.SendPacket(new Packet(CommandCode.GetVersion, c.SessionId, c.ReplyId)); // same reply id: from the cache
            Assert.NotNull(c.Receive());
            c.SendPacket(new Packet(CommandCode.GetVersion, 0x7777, 99)); // unknown session: dropped
            Assert.True(c.StaysSilent());
            Assert.Equal(4, emu.Counters.Requests);
            Assert.Equal(3, emu.Counters.RoundTrips);
            Assert.Equal(1, emu.Counters.Retransmits);
            Assert.Equal(1, emu.Counters.Dropped);
        }

        [Theory]
        [InlineData(EmulatorTransport.Tcp)]
        [InlineData(EmulatorTransport.Udp)]
        public async Task A_transfer_takes_at_least_its_bytes_over_the_throughput(EmulatorTransport transport)
        {
            const long bytesPerSecond = 200_000;
            using var emu = await Emu.Start("tft", 400, configure: o => o.LinkBytesPerSecond = bytesPerSecond);
            using var c = Emu.Client(emu, transport);
            emu.Counters.Reset();
            var clock = Stopwatch.StartNew();
            var table = c.BulkRead(BulkReadTarget.Users, chunk: transport == EmulatorTransport.Udp ? 16384 : 65472);
            clock.Stop();
            long bytes = emu.Counters.BytesIn + emu.Counters.BytesOut;
            Assert.True(bytes > table.Length, $"{bytes} bytes counted for a {table.Length}-byte table");
            var floor = TimeSpan.FromSeconds((double)bytes / bytesPerSecond);
            Assert.True(
                clock.Elapsed >= floor,
                $"{bytes} bytes took {clock.Elapsed.TotalMilliseconds} ms; the link allows no less than "
                    + $"{floor.TotalMilliseconds} ms"
            );
        }

        [Fact]
        public async Task Every_request_costs_the_turnaround()
        {
            using var emu = await Emu.Start("tft", configure: o => o.LinkTurnaroundMs = 15);
            using var c = Emu.Client(emu);
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < 10; i++)
                RawClient.Require(c.Request(CommandCode.GetVersion), ReplyCode.Ok);
            Assert.True(
                clock.Elapsed >= TimeSpan.FromMilliseconds(10 * 15),
                $"10 requests took {clock.Elapsed.TotalMilliseconds} ms"
            );
        }

        [Theory]
        [InlineData(-1.0, 0L)]
        [InlineData(0.0, -5L)]
        [InlineData(double.NaN, 0L)]
        public void Bad_link_settings_are_refused(double turnaround, long bytesPerSecond)
        {
            var o = new EmulatorOptions { LinkTurnaroundMs = turnaround, LinkBytesPerSecond = bytesPerSecond };
            Assert.Throws<ArgumentException>(() => o.Validate());
        }
    }
}
