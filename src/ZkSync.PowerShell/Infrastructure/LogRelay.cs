using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>One message the engine logged, waiting for the pipeline thread.</summary>
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
    /// The engine's ILogger for every session of a runspace. The engine logs from socket threads, where a cmdlet
    /// may not write, so messages are queued here and the waiting cmdlet drains them as -Verbose/-Debug output.
    /// </summary>
    internal sealed class LogRelay : ILogger
    {
        // Bounded so a session left idle with chatty background logging cannot grow without limit.
        private const int Capacity = 2000;
        private readonly ConcurrentQueue<RelayedLogEntry> _queue = new ConcurrentQueue<RelayedLogEntry>();

        public IDisposable BeginScope<TState>(TState state) where TState : notnull => NoScope.Instance;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            string message = formatter(state, exception);
            if (exception != null) message += " (" + exception.Message + ")";
            _queue.Enqueue(new RelayedLogEntry(logLevel, message));
            while (_queue.Count > Capacity && _queue.TryDequeue(out _)) { }
        }

        public bool TryDequeue(out RelayedLogEntry entry) => _queue.TryDequeue(out entry);

        private sealed class NoScope : IDisposable
        {
            public static readonly NoScope Instance = new NoScope();
            public void Dispose() { }
        }
    }
}
