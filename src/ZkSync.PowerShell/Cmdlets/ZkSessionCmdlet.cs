using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// A cmdlet that works on one device: -Session when given (or bound from a piped object's Session property),
    /// otherwise the runspace's current session. Reads made while the command runs are cached per session, so piping
    /// a hundred users costs one user-table read, not a hundred.
    /// </summary>
    public abstract class ZkSessionCmdlet : ZkCmdlet
    {
        private readonly Dictionary<(ZkSession, string), object> _cache = new Dictionary<(ZkSession, string), object>();

        /// <summary>The -Session argument of the concrete cmdlet (declared there, because pipeline binding differs).</summary>
        protected abstract ZkSession? SessionArgument { get; }

        /// <summary>
        /// The session to use for this record: null (after a non-terminating error) when it is closed. Having no session
        /// at all is terminating: nothing this command could do would work.
        /// </summary>
        internal ZkSession? ResolveSession()
        {
            ZkSession? session = SessionArgument ?? State.Current;
            if (session == null) ThrowTerminatingError(ErrorFactory.NoSession());
            if (session!.State == ZkSessionState.Closed)
            {
                WriteError(ErrorFactory.SessionClosed(session));
                return null;
            }

            return session;
        }

        /// <summary>Resolves the session for this record and hands it to <see cref="ProcessSession"/>; engine failures become non-terminating errors about that device.</summary>
        protected sealed override void ProcessRecord()
        {
            ZkSession? session = ResolveSession();
            if (session == null) return;
            TryItem(session, () => ProcessSession(session));
        }

        protected abstract void ProcessSession(ZkSession session);

        internal T Cached<T>(ZkSession session, string key, Func<CancellationToken, Task<T>> load) where T : class
        {
            if (_cache.TryGetValue((session, key), out object? value)) return (T)value;
            T loaded = Run(load);
            _cache[(session, key)] = loaded;
            return loaded;
        }

        internal UserIndex UsersOf(ZkSession session) =>
            Cached(session, CacheKeys.Users, async ct => new UserIndex(await session.Client.GetUsersAsync(ct).ConfigureAwait(false)));

        internal ZkUser? FindUser(ZkSession session, string userId) => UsersOf(session).Find(userId);

        /// <summary>The user, or null after a non-terminating UserNotFound error.</summary>
        internal ZkUser? RequireUser(ZkSession session, string userId)
        {
            ZkUser? user = FindUser(session, userId);
            if (user == null) WriteError(ErrorFactory.UserNotFound(userId, session));
            return user;
        }

        /// <summary>
        /// Runs an approved removal of <paramref name="userId"/>'s data on <paramref name="session"/> and tallies it for the
        /// run journal (one record per device, written when the command ends); failures are tallied and rethrown.
        /// </summary>
        internal void JournaledRemoval(ZkSession session, string userId, Action work)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                work();
                Journal.Tally(session.Device, session.SerialNumber, userId, null, watch.Elapsed);
            }
            catch (Exception exception) when (!(exception is PipelineStoppedException))
            {
                Journal.Tally(session.Device, session.SerialNumber, userId, exception.Message, watch.Elapsed);
                throw;
            }
        }

        protected override void EndProcessing() => FlushJournal();

        /// <summary>"user 1005 (Alice) on 127.0.0.1:4370": the ShouldProcess target for one user.</summary>
        internal static string UserTarget(string userId, string? name, ZkSession session) => UserTarget(userId, name, session.Device);

        internal static string UserTarget(string userId, string? name, string device) =>
            string.IsNullOrEmpty(name) ? $"user {userId} on {device}" : $"user {userId} ({name}) on {device}";
    }
}
