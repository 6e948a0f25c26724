using System;

namespace ZkSync.PowerShell.Infrastructure
{
    /// <summary>An engine progress sink that only posts: the report is written on the pipeline thread.</summary>
    internal sealed class PostedProgress<T> : IProgress<T>
    {
        private readonly PipelinePump _pump;
        private readonly Action<T> _report;

        public PostedProgress(PipelinePump pump, Action<T> report)
        {
            _pump = pump;
            _report = report;
        }

        public void Report(T value) => _pump.Post(() => _report(value));
    }
}
