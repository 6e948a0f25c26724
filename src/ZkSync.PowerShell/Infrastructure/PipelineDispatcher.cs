using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>
    /// Work the engine hands to the pipeline thread. Engine callbacks (results, summaries, progress, confirmations) run
    /// on worker threads, where a cmdlet may not call Write* or ShouldProcess; they post here, and the cmdlet runs the
    /// posted work in order while it waits for the engine (<see cref="ZkCmdlet"/>).
    /// </summary>
    internal sealed class PipelineDispatcher : IDisposable
    {
        private readonly ConcurrentQueue<Action> _queue = new ConcurrentQueue<Action>();
        private readonly AutoResetEvent _posted = new AutoResetEvent(false);

        /// <summary>
        /// Set whenever work is posted, so the waiting pipeline thread wakes at once instead of at its next pump tick: a
        /// confirmation per user waited up to a whole tick (50 ms) before, which made Copy-ZkUser 10x slower than Sync.
        /// </summary>
        public WaitHandle Posted => _posted;

        public void Post(Action work)
        {
            _queue.Enqueue(work);
            _posted.Set();
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the pipeline thread and hands its result (or failure) back to the engine. Cancelled
        /// with <paramref name="cancellationToken"/>, so an engine waiting for an answer never outlives the command.
        /// </summary>
        public Task<T> InvokeAsync<T>(Func<T> work, CancellationToken cancellationToken)
        {
            // Asynchronous continuations: the engine must not resume on the pipeline thread inside Drain.
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            CancellationTokenRegistration registration = cancellationToken.Register(() => answer.TrySetCanceled());
            answer.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
            _queue.Enqueue(() =>
            {
                try
                {
                    answer.TrySetResult(work());
                }
                catch (Exception exception)
                {
                    answer.TrySetException(exception);
                    throw;
                }
            });
            _posted.Set();
            return answer.Task;
        }

        /// <summary>Runs everything posted so far, on the calling (pipeline) thread. A failure stops the draining and propagates.</summary>
        public void Drain()
        {
            while (_queue.TryDequeue(out Action? work)) work();
        }

        public void Dispose() => _posted.Dispose();
    }
}
