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
    internal sealed class PipelineDispatcher
    {
        private readonly ConcurrentQueue<Action> _queue = new ConcurrentQueue<Action>();

        public void Post(Action work) => _queue.Enqueue(work);

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
            return answer.Task;
        }

        /// <summary>Runs everything posted so far, on the calling (pipeline) thread. A failure stops the draining and propagates.</summary>
        public void Drain()
        {
            while (_queue.TryDequeue(out Action? work)) work();
        }
    }
}
