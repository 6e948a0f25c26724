using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>
    /// The one road from the engine's threads to the pipeline thread. PowerShell allows Write* and ShouldProcess only
    /// on the pipeline thread, so every engine callback (results, summaries, progress, log lines, confirmation
    /// requests) posts its work here, and <see cref="RunUntilDone"/> runs that work in order while the engine runs.
    /// </summary>
    internal sealed class PipelinePump : IDisposable
    {
        // Posted by the engine task's continuation: everything the engine posted is ahead of it in the queue.
        private static readonly Action Done = () => { };
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();

        /// <summary>Queues work for the pipeline thread; never blocks the engine.</summary>
        public void Post(Action work)
        {
            try
            {
                _queue.Add(work);
            }
            catch (ObjectDisposedException)
            {
                // The command has ended; a log line racing its end has nobody left to show it to.
            }
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the pipeline thread and hands its answer (or failure) back to the engine; an
        /// engine waiting for the answer is released by <paramref name="cancellationToken"/>, never left hanging.
        /// </summary>
        public Task<T> InvokeAsync<T>(Func<T> work, CancellationToken cancellationToken)
        {
            // Asynchronous continuations: the engine must not resume on the pipeline thread inside RunUntilDone.
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            CancellationTokenRegistration registration = cancellationToken.Register(() => answer.TrySetCanceled());
            answer.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
            Post(() =>
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

        /// <summary>
        /// Blocks on the queue, running posted work, until <paramref name="engine"/> has ended. When posted work
        /// fails (the pipeline is stopping, or -ErrorAction Stop turned an error into an exception)
        /// <paramref name="onFailure"/> cancels the engine and later work is dropped, but the wait goes on: the engine
        /// re-enables its devices before the failure is returned.
        /// </summary>
        /// <returns>The first failure of posted work, or null.</returns>
        public Exception? RunUntilDone(Task engine, Action onFailure)
        {
            engine.ContinueWith(_ => Post(Done), CancellationToken.None, TaskContinuationOptions.None,
                TaskScheduler.Default);
            Exception? failure = null;
            for (Action work = _queue.Take(); !ReferenceEquals(work, Done); work = _queue.Take())
            {
                if (failure != null) continue;
                try
                {
                    work();
                }
                catch (Exception exception)
                {
                    failure = exception;
                    onFailure();
                }
            }
            return failure;
        }

        public void Dispose() => _queue.Dispose();
    }
}
