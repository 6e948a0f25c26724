using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>
    /// Terminals have a few session slots and a client that leaves without CMD_EXIT holds one until the terminal drops
    /// it. The engine never leaks one (close, dispose, cancellation all say CMD_EXIT) and names the problem when slots
    /// are full.
    /// </summary>
    public class SessionSlotTests
    {
        private static async Task Until(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, what);
                await Task.Delay(10);
            }
        }

        [Fact]
        public async Task Full_slots_are_reported_as_such_with_what_to_do()
        {
            using var emu = await Emulated.StartAsync("face", 1, 0, o =>
            {
                o.MaxSessions = 1;
                o.OrphanSessionTimeout = TimeSpan.FromMinutes(5);
            });
            using var first = await ZkDeviceClient.ConnectAsync(Emulated.Options(emu, ZkTransportKind.Tcp));
            var ex = await Assert.ThrowsAsync<ZkSessionRefusedException>(() =>
                ZkDeviceClient.ConnectAsync(Emulated.Options(emu, ZkTransportKind.Tcp))
            );
            Assert.Equal(ZkSessionRefusalReason.SlotsFull, ex.Refusal);
            Assert.Contains("session slots are taken", ex.Message);
            Assert.Equal(1, emu.Counters.SlotsFullRefusals);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Close_and_dispose_say_exit_so_the_slot_is_free_at_once(bool dispose)
        {
            using var emu = await Emulated.StartAsync("face", 1, 0, o =>
            {
                o.MaxSessions = 1;
                o.OrphanSessionTimeout = TimeSpan.FromMinutes(5);
            });
            var client = await ZkDeviceClient.ConnectAsync(Emulated.Options(emu, ZkTransportKind.Tcp));
            if (dispose)
                client.Dispose();
            else
                await client.CloseAsync();
            Assert.Equal(1, emu.Counters.Exits);
            await Until(() => emu.OpenSessions == 0, "the session was not freed");
            using var next = await ZkDeviceClient.ConnectAsync(Emulated.Options(emu, ZkTransportKind.Tcp));
            Assert.Equal(0, emu.OrphanedSessions);
        }

        [Theory]
        [InlineData(ZkTransportKind.Tcp)]
        [InlineData(ZkTransportKind.Udp)]
        public async Task Cancelling_mid_read_says_exit_and_the_client_carries_on_with_a_new_session(
            ZkTransportKind kind
        )
        {
            // A slow link keeps the user-table read in flight long enough to cancel it midway.
            using var emu = await Emulated.StartAsync("face", 300, 0, o =>
            {
                o.LinkBytesPerSecond = 20_000;
                o.OrphanSessionTimeout = TimeSpan.FromMinutes(5);
            });
            using var client = await ZkDeviceClient.ConnectAsync(Emulated.Options(emu, kind));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetUsersAsync(cts.Token));
            await Until(() => emu.Counters.Exits == 1, "no CMD_EXIT after the cancellation");
            await Until(() => emu.OpenSessions == 0, "the cancelled session still holds its slot");
            Assert.Equal(0, emu.OrphanedSessions);

            Assert.Equal(300, (await client.GetUsersAsync()).Count);
        }
    }
}
