using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ZkSync.PowerShell.Tests.Hosting
{
    /// <summary>Everything one script run produced, stream by stream.</summary>
    public sealed class PsResult
    {
        public List<PSObject> Output { get; } = new List<PSObject>();
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();
        public List<VerboseRecord> Verbose { get; } = new List<VerboseRecord>();
        public List<WarningRecord> Warnings { get; } = new List<WarningRecord>();
        public List<DebugRecord> Debug { get; } = new List<DebugRecord>();
        public List<InformationRecord> Information { get; } = new List<InformationRecord>();

        /// <summary>The terminating error, if the script stopped with one.</summary>
        public RuntimeException? Terminating { get; set; }

        /// <summary>Every error, non-terminating and terminating, as ErrorRecords.</summary>
        public IEnumerable<ErrorRecord> AllErrors =>
            Terminating?.ErrorRecord == null ? Errors : Errors.Append(Terminating.ErrorRecord);

        /// <summary>The ErrorId part of each FullyQualifiedErrorId ("ZkSync.UserNotFound,ZkSync.PowerShell.Commands..."
        /// → "ZkSync.UserNotFound").</summary>
        public IEnumerable<string> ErrorIds => AllErrors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]);

        public void ShouldSucceed()
        {
            if (Terminating != null || Errors.Count > 0)
                throw new Xunit.Sdk.XunitException(
                    "Script failed: " + string.Join(" | ", AllErrors.Select(e => e.FullyQualifiedErrorId + ": " + e))
                );
        }

        public T SingleProperty<T>(string property) => (T)Output.Single().Properties[property].Value;

        public IEnumerable<object?> Values(string property) => Output.Select(o => o.Properties[property]?.Value);
    }
}
