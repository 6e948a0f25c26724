using System;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>An engine progress sink that only posts: the report is handled on the pipeline thread.</summary>
    internal sealed class PostedProgress<T> : IProgress<T>
    {
        private readonly PipelineDispatcher _dispatcher;
        private readonly Action<T> _report;

        public PostedProgress(PipelineDispatcher dispatcher, Action<T> report)
        {
            _dispatcher = dispatcher;
            _report = report;
        }

        public void Report(T value) => _dispatcher.Post(() => _report(value));
    }
}
