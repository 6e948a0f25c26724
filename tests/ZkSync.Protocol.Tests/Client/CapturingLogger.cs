using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>Keeps every log line (with its exception) for inspection.</summary>
    internal sealed class CapturingLogger : ILogger
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = new List<(LogLevel, string)>();

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
            lock (Lines)
                Lines.Add((logLevel, formatter(state, exception) + " " + exception));
        }
    }
}
