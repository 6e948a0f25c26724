using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;
using ZkSync.Protocol.Client;
using ZkSync.Sync;

namespace ZkSync.Sync.Tests.EndToEnd
{
    /// <summary>A cancelled run re-enables its destination before it returns, whenever the cancel comes after the
    /// disable.</summary>
    public class CancelledSyncTests
    {
        private sealed class Lines : ILogger
        {
            public List<string> All { get; } = new List<string>();

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter
            )
            {
                lock (All)
                    All.Add(
                        $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {formatter(state, exception)} "
                            + $"{exception?.GetType().Name} {exception?.Message}"
                    );
            }
        }

        [Fact]
        public async Task Cancelling_right_after_the_destination_is_disabled_leaves_it_enabled()
        {
            for (int round = 0; round < 25; round++)
            {
                await using var emus = new Emulators();
                var a = await emus.StartAsync("face", users: 80);
                var b = await emus.StartAsync("face");
                var log = new Lines();
                var options = Emulators.Options(b);
                options.Logger = log;
                using var client = await ZkDeviceClient.ConnectAsync(options);
                var endpoint = new SyncEndpoint(
                    "b",
                    _ => Task.FromResult<ISyncDevice>(new ZkClientSyncDevice(client)),
                    ownsDevice: false
                );
                using var cts = new CancellationTokenSource();
                var run = Task.Run(() =>
                    SyncEngine.RunAsync(
                        Emulators.Endpoint(a),
                        new[] { endpoint },
                        new SyncOptions { Logger = log },
                        cts.Token
                    )
                );
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!b.State.Disabled && !run.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(30))
                    Thread.Sleep(1);
                Assert.True(b.State.Disabled, "never disabled");
                cts.Cancel();
                try
                {
                    await run;
                }
                catch (OperationCanceledException) { }
                if (b.State.Disabled)
                    Assert.Fail($"round {round}: left disabled\n" + string.Join("\n", log.All));
            }
        }
    }
}
