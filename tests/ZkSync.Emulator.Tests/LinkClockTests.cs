using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core.Link;

namespace ZkSync.Emulator.Tests
{
    /// <summary>The link model's clock: never early, in deadline order, cancellable (lower bounds only).</summary>
    public class LinkClockTests
    {
        private static long In(double ms) => Stopwatch.GetTimestamp() + (long)(ms * Stopwatch.Frequency / 1000);

        [Fact]
        public async Task Waits_end_at_or_after_their_deadlines_in_deadline_order_even_when_a_nearer_one_comes_later()
        {
            var order = new List<int>();
            long far = In(60),
                near = In(20);
            var a = LinkClock
                .Shared.WaitUntilAsync(far, CancellationToken.None)
                .ContinueWith(_ =>
                {
                    lock (order)
                        order.Add(60);
                    Assert.True(Stopwatch.GetTimestamp() >= far);
                });
            var b = LinkClock
                .Shared.WaitUntilAsync(near, CancellationToken.None)
                .ContinueWith(_ =>
                {
                    lock (order)
                        order.Add(20);
                    Assert.True(Stopwatch.GetTimestamp() >= near);
                });

            await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromSeconds(5));

            Assert.Equal(new[] { 20, 60 }, order);
        }

        [Fact]
        public async Task A_past_deadline_is_done_at_once_and_a_cancelled_wait_ends_cancelled()
        {
            Assert.True(
                LinkClock.Shared.WaitUntilAsync(Stopwatch.GetTimestamp() - 1, CancellationToken.None).IsCompleted
            );
            using var cts = new CancellationTokenSource();
            var wait = LinkClock.Shared.WaitUntilAsync(In(60_000), cts.Token);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(5)));
        }
    }
}
