using System;
using System.Threading;
using System.Threading.Tasks;

namespace ZkSync.Protocol.Transport
{
    /// <summary>
    /// netstandard2.0 socket tasks take no CancellationToken: we race them against a timer instead.
    /// The raced task keeps running; callers either reuse it (a pending receive) or close the socket to end it.
    /// </summary>
    internal static class TaskTimeout
    {
        /// <summary>True when <paramref name="task"/> finished in time; throws OperationCanceledException on
        /// cancellation.</summary>
        public static async Task<bool> CompletesWithin(Task task, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (task.IsCompleted) return true;
            if (timeout <= TimeSpan.Zero) return false;
            using (var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var delay = Task.Delay(timeout, timer.Token);
                var winner = await Task.WhenAny(task, delay).ConfigureAwait(false);
                timer.Cancel(); // release the timer whichever side won
                if (winner == task) return true;
                cancellationToken.ThrowIfCancellationRequested();
                return false;
            }
        }

        /// <summary>Marks a task's eventual exception as observed (a receive abandoned when its socket
        /// closed).</summary>
        public static void Forget(Task? task)
        {
            task?.ContinueWith(
                t => _ = t.Exception,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default
            );
        }
    }
}
