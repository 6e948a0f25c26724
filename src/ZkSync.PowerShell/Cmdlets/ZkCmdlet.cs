using System;
using System.Globalization;
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
    /// Base of every ZkSync cmdlet. Owns the cancellation that Ctrl+C (StopProcessing) triggers and the
    /// <see cref="Pump"/> through which everything the engine reports on its own threads reaches the pipeline thread
    /// while <see cref="Run{T}"/> waits. The families below it (one level only) declare the parameters they share.
    /// </summary>
    public abstract partial class ZkCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private ModuleState? _state;
        private RunJournal? _journal;

        internal ModuleState State => _state ??= SessionStore.ForCurrentRunspace();

        /// <summary>Where engine callbacks post work for the pipeline thread; run by Run while it waits.</summary>
        internal PipelinePump Pump { get; } = new PipelinePump();

        /// <summary>The journal of this invocation, opened on first use (at -JournalPath when given).</summary>
        internal RunJournal Journal => _journal ??= JournalHook.Open(this, (this as IJournaledCmdlet)?.JournalPath);

        /// <summary>Writes what the journal tallied (removals); nothing when no change was journaled.</summary>
        internal void FlushJournal() => _journal?.Flush();

        protected CancellationToken CancellationToken => _cancellation.Token;

        protected override void StopProcessing() => _cancellation.Cancel();

        public void Dispose()
        {
            _cancellation.Dispose();
            Pump.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Runs an engine call to completion, running what it posts to <see cref="Pump"/> meanwhile.</summary>
        internal T Run<T>(Func<CancellationToken, Task<T>> operation)
        {
            Task<T> task = Start(operation);
            Wait(task);
            return task.GetAwaiter().GetResult();
        }

        internal void Run(Func<CancellationToken, Task> operation) => Run(async ct =>
        {
            await operation(ct).ConfigureAwait(false);
            return true;
        });

        /// <summary>A progress bar for the pipeline thread; <see cref="ProgressReporter.Complete"/> ends it.</summary>
        internal ProgressReporter BeginProgress(string activity) => new ProgressReporter(WriteProgress, 1, activity);

        /// <summary>
        /// ShouldProcess that also tells whether -WhatIf made the answer no (PowerShell's own reason, not a look at
        /// the bound parameters): a sync then plans without writing. Prompts and "What if" lines read as
        /// ShouldProcess(target, action) writes them.
        /// </summary>
        internal bool ShouldProcess(string target, string action, out bool whatIf)
        {
            string description = string.Format(CultureInfo.CurrentCulture,
                "Performing the operation \"{0}\" on target \"{1}\".", action, target);
            string warning = "Are you sure you want to perform this action?" + Environment.NewLine + description;
            bool approved = ShouldProcess(description, warning, "Confirm", out ShouldProcessReason reason);
            whatIf = reason == ShouldProcessReason.WhatIf;
            return approved;
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

        /// <summary>Messages name the operation ("while reading users"); -Verbose adds the command number.</summary>
        private void WriteCommandNumber(ErrorRecord error)
        {
            if (error.Exception is ZkException { Command: { } command } zk)
            {
                string errorId = error.FullyQualifiedErrorId.Split(',')[0];
                WriteVerbose($"{zk.Device}: {zk.Operation} is command {command}; it failed with {errorId}.");
            }
        }

        /// <summary>
        /// Runs <paramref name="work"/>; an engine failure becomes a non-terminating error about <paramref
        /// name="target"/> (made by <paramref name="toError"/> when given) and the command goes on. PowerShell's own
        /// RuntimeExceptions (stopped pipeline, -ErrorAction Stop) propagate. False when the work failed.
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
            bool cancelled = exception is OperationCanceledException
                || exception.InnerException is OperationCanceledException;
            if (_cancellation.IsCancellationRequested && cancelled) throw new PipelineStoppedException();
        }

        private Task<T> Start<T>(Func<CancellationToken, Task<T>> operation)
        {
            if (_cancellation.IsCancellationRequested) throw new PipelineStoppedException();
            // Off the pipeline thread: a synchronous start of the engine call must not delay the pump.
            return Task.Run(() => operation(CancellationToken));
        }

        /// <summary>
        /// Waits for the engine on the pump. A failure of posted work cancels the engine (still awaited, so devices are
        /// re-enabled) and then propagates; a cancelled engine call stops the pipeline.
        /// </summary>
        private void Wait(Task task)
        {
            Exception? failure;
            using (State.Log.Attach(entry => Pump.Post(() => WriteLog(entry))))
                failure = Pump.RunUntilDone(task, _cancellation.Cancel);
            if (failure != null) ExceptionDispatchInfo.Capture(failure).Throw();
            if (task.IsCanceled || task.IsFaulted && _cancellation.IsCancellationRequested)
                throw new PipelineStoppedException();
        }

        /// <summary>An engine log line: Information and above as verbose, the rest as debug.</summary>
        private void WriteLog(RelayedLogEntry entry)
        {
            if (entry.Level >= LogLevel.Information) WriteVerbose(entry.Message);
            else WriteDebug(entry.Message);
        }
    }

    /// <summary>A family of cmdlets that declares -JournalPath; the journal of its commands goes there.</summary>
    internal interface IJournaledCmdlet
    {
        string? JournalPath { get; }
    }
}
