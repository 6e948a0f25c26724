using System;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Journal;
using ZkSync.PowerShell.Sessions;
using ZkSync.Protocol.Errors;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Base of every ZkSync cmdlet. Owns the cancellation source that Ctrl+C (StopProcessing) cancels, and runs engine
    /// calls so that everything the engine reports on its own threads (log lines, progress, and work posted to
    /// <see cref="Dispatcher"/>: results, confirmations) is handled on the pipeline thread while the cmdlet waits.
    /// </summary>
    public abstract class ZkCmdlet : PSCmdlet, IDisposable
    {
        // How often the waiting pipeline thread wakes to drain log lines and progress; posted work wakes it at once.
        private const int PumpIntervalMs = 50;
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private ModuleState? _state;
        private ProgressReporter? _activeProgress;
        private RunJournal? _journal;

        internal ModuleState State => _state ??= SessionStore.ForCurrentRunspace();

        /// <summary>Where engine callbacks post work for the pipeline thread; drained by every Run call while it waits.</summary>
        internal PipelineDispatcher Dispatcher { get; } = new PipelineDispatcher();

        /// <summary>The run journal of this invocation, opened on first use by the commands that change devices.</summary>
        internal RunJournal Journal => _journal ??= JournalHook.Open(this);

        /// <summary>Writes what the journal tallied (removals); nothing when no change was journaled.</summary>
        internal void FlushJournal() => _journal?.Flush();

        protected CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>-WhatIf was given (or $WhatIfPreference is on): engines then plan and compare without writing.</summary>
        internal bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? value)
                ? value is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(value)
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        public void Dispose()
        {
            _cancellation.Dispose();
            Dispatcher.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Runs an engine call to completion on the pipeline thread, pumping logs and <paramref name="progress"/>.</summary>
        internal T Run<T>(Func<CancellationToken, Task<T>> operation, ProgressReporter? progress = null)
        {
            ThrowIfStopped();
            // Task.Run keeps a synchronous prefix of the engine call off the pipeline thread, so pumping starts at once.
            Task<T> task = Task.Run(() => operation(CancellationToken));
            Wait(task, progress);
            return task.GetAwaiter().GetResult();
        }

        internal void Run(Func<CancellationToken, Task> operation, ProgressReporter? progress = null)
        {
            ThrowIfStopped();
            var task = Task.Run(() => operation(CancellationToken));
            Wait(task, progress);
            task.GetAwaiter().GetResult();
        }

        /// <summary>A progress bar whose engine sink is pumped by every Run call until it is completed.</summary>
        internal ProgressReporter BeginProgress(string activity, int activityId = 1)
        {
            _activeProgress = new ProgressReporter(WriteProgress, activityId, activity);
            return _activeProgress;
        }

        internal void EndProgress(ProgressReporter progress)
        {
            progress.Complete();
            if (ReferenceEquals(_activeProgress, progress)) _activeProgress = null;
        }

        /// <summary>
        /// Turns a failure into a non-terminating error, except a cancelled pipeline, which must stop the command.
        /// </summary>
        internal void WriteFailure(Exception exception, object? target, Func<Exception, ErrorRecord>? toError = null)
        {
            ThrowIfStopping(exception);
            ErrorRecord error = toError == null ? ErrorFactory.FromException(exception, target) : toError(exception);
            WriteCommandNumber(error);
            WriteError(error);
        }

        /// <summary>Messages name the operation ("while reading users"); -Verbose keeps the command number for a protocol trace.</summary>
        private void WriteCommandNumber(ErrorRecord error)
        {
            if (error.Exception is ZkException { Command: { } command } zk)
                WriteVerbose($"{zk.Device}: {zk.Operation} is command {command}; it failed with {error.FullyQualifiedErrorId.Split(',')[0]}.");
        }

        /// <summary>
        /// Runs <paramref name="work"/>; an engine failure becomes a non-terminating error about <paramref name="target"/>
        /// (made by <paramref name="toError"/> when given) and the command goes on. PowerShell's own RuntimeExceptions
        /// (stopped pipeline, -ErrorAction Stop) propagate. False when the work failed.
        /// </summary>
        internal bool TryItem(object? target, Action work, Func<Exception, ErrorRecord>? toError = null)
        {
            try
            {
                work();
                return true;
            }
            catch (Exception exception) when (!(exception is RuntimeException))
            {
                WriteFailure(exception, target, toError);
                return false;
            }
        }

        internal void ThrowIfStopping(Exception exception)
        {
            if (exception is PipelineStoppedException) throw exception;
            if (_cancellation.IsCancellationRequested && (exception is OperationCanceledException || exception.InnerException is OperationCanceledException))
                throw new PipelineStoppedException();
        }

        private void ThrowIfStopped()
        {
            if (_cancellation.IsCancellationRequested) throw new PipelineStoppedException();
        }

        /// <summary>Writes queued engine log lines: Information and above as verbose, the rest as debug.</summary>
        internal void PumpLog()
        {
            while (State.Log.TryDequeue(out RelayedLogEntry entry))
            {
                if (entry.Level >= LogLevel.Information) WriteVerbose(entry.Message);
                else WriteDebug(entry.Message);
            }
        }

        private void Wait(Task task, ProgressReporter? progress)
        {
            progress ??= _activeProgress;
            Exception? failure = null;
            // WaitAny never throws, whatever the task's outcome; GetResult afterwards rethrows the engine's own exception.
            // Posted work (results, confirmations the engine awaits) wakes the thread at once rather than at the next tick.
            var wakeUps = new[] { ((IAsyncResult)task).AsyncWaitHandle, Dispatcher.Posted };
            while (!task.IsCompleted)
            {
                WaitHandle.WaitAny(wakeUps, PumpIntervalMs);
                Pump(progress, ref failure);
            }
            Pump(progress, ref failure);
            Pump(progress, ref failure);

            if (failure != null) ExceptionDispatchInfo.Capture(failure).Throw();
            if (task.IsCanceled || task.IsFaulted && _cancellation.IsCancellationRequested)
                throw new PipelineStoppedException();
        }

        /// <summary>
        /// Writes what the engine reported and runs posted work. When a write or posted work fails (the pipeline is
        /// stopping: every WriteVerbose, WriteProgress and WriteObject then throws; or -ErrorAction Stop turned an error
        /// into an exception) the engine is cancelled but still awaited, so devices are re-enabled before the failure
        /// propagates; no more posted work runs meanwhile, and nothing more is written once the pipeline has stopped.
        /// </summary>
        private void Pump(ProgressReporter? progress, ref Exception? failure)
        {
            if (failure is PipelineStoppedException) return;
            try
            {
                PumpLog();
                progress?.Pump();
                if (failure == null) Dispatcher.Drain();
            }
            catch (Exception exception)
            {
                failure ??= exception;
                _cancellation.Cancel();
            }
        }
    }
}
