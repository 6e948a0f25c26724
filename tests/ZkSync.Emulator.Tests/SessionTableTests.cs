using System;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Emulator.Core.Sessions;

namespace ZkSync.Emulator.Tests
{
    public class SessionTableTests
    {
        [Fact]
        public void A_late_close_of_a_gone_session_does_not_end_the_one_that_reused_its_id()
        {
            var table = new SessionTable(4, TimeSpan.FromSeconds(60), TimeSpan.Zero);
            var old = table.Open(EmulatorTransport.Tcp, 0, DateTime.UtcNow)!;
            Assert.True(table.Close(old));
            // Ids are the low 16 bits of Unix time: within the same second the freed id is handed out again.
            var reused = table.Open(EmulatorTransport.Tcp, 0, DateTime.UtcNow)!;

            Assert.False(table.Close(old)); // e.g. the old connection's cleanup running after a reset
            Assert.Same(reused, table.Find(reused.Id));
            Assert.Equal(1, table.Count);
            Assert.True(table.Close(reused));
            Assert.Equal(0, table.Count);
        }
    }
}
