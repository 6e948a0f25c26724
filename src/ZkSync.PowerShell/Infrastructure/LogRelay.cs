using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>One message the engine logged, for the pipeline thread to write.</summary>
    internal readonly struct RelayedLogEntry
    {
        public RelayedLogEntry(LogLevel level, string message)
        {
            Level = level;
            Message = message;
        }

        public LogLevel Level { get; }
        public string Message { get; }
    }

    /// <summary>
    /// The engine's ILogger for every session of a runspace. The engine logs from socket threads, where a cmdlet may
    /// not write: while a command waits for the engine, each line goes to that command's <see cref="PipelinePump"/>.
    /// Lines logged while no command runs (a session reconnecting in the background) wait here for the next command.
    /// </summary>
    internal sealed class LogRelay : ILogger
    {
        // Bounded so a session left idle with chatty background logging cannot grow without limit.
        private const int Capacity = 2000;
        private readonly object _gate = new object();
        private readonly Queue<RelayedLogEntry> _waiting = new Queue<RelayedLogEntry>();
        private Action<RelayedLogEntry>? _post;

        public IDisposable BeginScope<TState>(TState state) where TState : notnull => NoScope.Instance;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            string message = formatter(state, exception);
            if (exception != null) message += " (" + exception.Message + ")";
            var entry = new RelayedLogEntry(logLevel, message);
            lock (_gate)
            {
                if (_post != null) _post(entry);
                else
                {
                    _waiting.Enqueue(entry);
                    if (_waiting.Count > Capacity) _waiting.Dequeue();
                }
            }
        }

        /// <summary>
        /// Sends log lines to <paramref name="post"/> (a command's pump) until the result is disposed, starting with
        /// the lines that waited. Nested commands (one running inside another's pipeline) attach and detach in turn.
        /// </summary>
        public IDisposable Attach(Action<RelayedLogEntry> post)
        {
            lock (_gate)
            {
                var attachment = new Attachment(this, _post);
                _post = post;
                while (_waiting.Count > 0) post(_waiting.Dequeue());
                return attachment;
            }
        }

        private sealed class Attachment : IDisposable
        {
            private readonly LogRelay _relay;
            private readonly Action<RelayedLogEntry>? _previous;

            public Attachment(LogRelay relay, Action<RelayedLogEntry>? previous)
            {
                _relay = relay;
                _previous = previous;
            }

            public void Dispose()
            {
                lock (_relay._gate) _relay._post = _previous;
            }
        }

        private sealed class NoScope : IDisposable
        {
            public static readonly NoScope Instance = new NoScope();
            public void Dispose() { }
        }
    }
}
