using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Connection;
using ZkSync.Sync;

namespace ZkSync.Sync.Tests.EndToEnd
{
    /// <summary>
    /// A session the engine abandons after a reply timeout stays on the device without CMD_EXIT, as on firmware, and
    /// keeps it disabled: the engine must enable it again from its new session, or (a device that hangs) the disable
    /// timeout it sent must. Judged by the emulator's state while a session the test holds stays open, so the device
    /// is never enabled by its last session ending.
    /// </summary>
    public class AbandonedSessionTests
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

        private static SyncEndpoint Endpoint(DeviceEmulator e, TimeSpan disableTimeout)
        {
            var o = Emulators.Options(e);
            o.Timeout = TimeSpan.FromSeconds(1);
            o.Retries = 1;
            o.Reconnects = 2;
            o.DisableTimeout = disableTimeout;
            return ZkClientSyncDevice.Endpoint(o);
        }

        /// <summary>
        /// Arms <paramref name="faults"/> the moment the device is disabled: the next request is a write's.
        /// </summary>
        private static async Task ArmWhenDisabledAsync(DeviceEmulator e, FaultOptions faults, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                if (Disabled(e))
                {
                    e.SetFaults(faults);
                    return;
                }
                await Task.Yield();
            }
        }

        private static bool Disabled(DeviceEmulator e)
        {
            lock (e.State.Sync)
                return e.State.Disabled;
        }

        [Fact]
        public async Task A_reply_delayed_beyond_the_timeout_while_disabled_ends_with_the_device_enabled()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 12);
            var destination = await emus.StartAsync("face");
            using var observer = await Emulators.ObserveAsync(destination);
            using var stop = new CancellationTokenSource(Bound);
            var armed = ArmWhenDisabledAsync(
                destination,
                new FaultOptions { DelayReplyAfterRequests = 1, ReplyDelay = TimeSpan.FromSeconds(3) },
                stop.Token
            );

            // A disable timeout far beyond the test: only the engine's own CMD_ENABLEDEVICE can enable the device.
            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Endpoint(destination, TimeSpan.FromMinutes(10)) },
                new SyncOptions { MediaBatchUsers = 8 }
            );
            stop.Cancel();
            await armed;

            Assert.Contains(destination.Log.Entries, l => l.Contains("fault: reply to request 1 delayed"));
            // The device notices the abandoned connection once it has sent the delayed reply.
            var deadline = DateTime.UtcNow + Bound;
            while (destination.OrphanedSessions == 0 && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            Assert.Equal(1, destination.OrphanedSessions);
            Assert.False(Disabled(destination), "the sync left the destination disabled");
            Assert.Null(report.Summaries[0].Error);
            FinalStateTests.AssertSucceededMeansStored(report, source, destination);
        }

        [Fact]
        public async Task A_device_that_hangs_while_disabled_enables_itself_by_the_disable_timeout_once_it_answers()
        {
            await using var emus = new Emulators();
            var source = await emus.StartAsync("face", users: 12);
            var destination = await emus.StartAsync("face");
            using var observer = await Emulators.ObserveAsync(destination);
            using var stop = new CancellationTokenSource(Bound);
            var armed = ArmWhenDisabledAsync(destination, new FaultOptions { HangAfterRequests = 1 }, stop.Token);

            var report = await SyncEngine.RunAsync(
                Emulators.Endpoint(source),
                new[] { Endpoint(destination, TimeSpan.FromSeconds(2)) },
                new SyncOptions { MediaBatchUsers = 8 }
            );
            stop.Cancel();
            await armed;
            destination.SetFaults(null); // the device answers again; no client enables it

            Assert.NotNull(report.Summaries[0].Error);
            var deadline = DateTime.UtcNow + Bound;
            while (Disabled(destination) && DateTime.UtcNow < deadline)
                await Task.Delay(50);
            Assert.False(Disabled(destination), "the disable timeout did not enable the hung destination");
            Assert.True(destination.OpenSessions >= 2, "the observer's and the abandoned session stay open");
        }
    }
}
