using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// A cmdlet that acts once, at the end of the pipeline, on users of a source: the ones named with -UserId or piped
    /// in (by property name, from Get-ZkUser), grouped by source. Nothing named and nothing piped means every user; an
    /// empty pipeline means nobody (so a filter that matches nothing never turns into "everyone").
    /// </summary>
    /// <typeparam name="TSource">What users are read from: a session, a backup file; grouped by its equality.</typeparam>
    public abstract class UserScopeCmdlet<TSource> : ZkCmdlet where TSource : class
    {
        private readonly List<(TSource Source, string? UserId)> _requested = new List<(TSource, string?)>();

        /// <summary>The -UserId argument of the concrete cmdlet (declared there: positions and wildcards differ).</summary>
        protected abstract string[]? UserIdArgument { get; }

        /// <summary>The source for the current record (a session, a file), or null after a non-terminating error.</summary>
        protected abstract TSource? CurrentSource();

        /// <summary>Acts on one source; <paramref name="userIds"/> null means every user.</summary>
        protected abstract void ProcessScope(TSource source, IReadOnlyList<string>? userIds);

        protected override void ProcessRecord()
        {
            TSource? source = CurrentSource();
            if (source == null) return;
            if (UserIdArgument != null) foreach (string id in UserIdArgument) _requested.Add((source, id));
            else if (!MyInvocation.ExpectingInput) _requested.Add((source, null));
        }

        protected override void EndProcessing()
        {
            if (_requested.Count == 0) WriteVerbose("No users were piped in; nothing to do.");
            foreach (IGrouping<TSource, (TSource Source, string? UserId)> group in _requested.GroupBy(r => r.Source))
            {
                IReadOnlyList<string>? ids = group.Any(r => r.UserId == null) ? null : group.Select(r => r.UserId!).Distinct(StringComparer.Ordinal).ToList();
                ProcessScope(group.Key, ids);
            }
        }

        /// <summary>The session as a source, or null after SessionClosed.</summary>
        internal ZkSession? OpenSession(ZkSession session)
        {
            if (session.State != ZkSessionState.Closed) return session;
            WriteError(ErrorFactory.SessionClosed(session));
            return null;
        }

        /// <summary>Destinations that are open and not the source; the others get a non-terminating error.</summary>
        internal List<ZkSession> UsableDestinations(IEnumerable<ZkSession> destinations, ZkSession? source)
        {
            var usable = new List<ZkSession>();
            foreach (ZkSession destination in destinations.Distinct())
            {
                if (ReferenceEquals(source, destination))
                    WriteError(ErrorFactory.Create(ErrorIds.InvalidArgument, System.Management.Automation.ErrorCategory.InvalidArgument,
                        $"Source and destination are the same session ({destination.Device}).", destination));
                else usable.Add(destination);
            }
            return usable;
        }
    }
}
