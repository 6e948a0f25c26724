using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// The sessions side of every cmdlet: which session a record acts on, and reads cached per session for the whole
    /// command, so piping a hundred users costs one user-table read, not a hundred.
    /// </summary>
    public abstract partial class ZkCmdlet
    {
        private readonly Dictionary<(ZkSession, string), object> _cache = new Dictionary<(ZkSession, string), object>();

        /// <summary>
        /// The session for this record (<paramref name="given"/>, else the runspace's current one), or null after a
        /// non-terminating error when it is closed. Having no session at all is terminating: nothing could work.
        /// </summary>
        internal ZkSession? ResolveSession(ZkSession? given)
        {
            ZkSession? session = given ?? State.Current;
            if (session == null) ThrowTerminatingError(ErrorFactory.NoSession());
            return OpenSession(session!);
        }

        /// <summary>Runs <paramref name="work"/> on the record's session; engine failures become its errors.</summary>
        internal void WithSession(ZkSession? given, Action<ZkSession> work)
        {
            ZkSession? session = ResolveSession(given);
            if (session != null) TryItem(session, () => work(session));
        }

        /// <summary>The session as a source, or null after SessionClosed.</summary>
        internal ZkSession? OpenSession(ZkSession session)
        {
            if (session.State != ZkSessionState.Closed) return session;
            WriteError(ErrorFactory.SessionClosed(session));
            return null;
        }

        /// <summary>Destinations that are not the source; the source gets a non-terminating error.</summary>
        internal List<ZkSession> UsableDestinations(IEnumerable<ZkSession> destinations, ZkSession? source)
        {
            var usable = new List<ZkSession>();
            foreach (ZkSession destination in destinations.Distinct())
            {
                if (ReferenceEquals(source, destination))
                    WriteError(ErrorFactory.Create(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                        $"Source and destination are the same session ({destination.Device}).", destination));
                else usable.Add(destination);
            }
            return usable;
        }

        internal T Cached<T>(ZkSession session, string key, Func<CancellationToken, Task<T>> load) where T : class
        {
            if (_cache.TryGetValue((session, key), out object? value)) return (T)value;
            T loaded = Run(load);
            _cache[(session, key)] = loaded;
            return loaded;
        }

        internal UserIndex UsersOf(ZkSession session) => Cached(session, CacheKeys.Users,
            async ct => new UserIndex(await session.Client.GetUsersAsync(ct).ConfigureAwait(false)));

        internal ZkUser? FindUser(ZkSession session, string userId) => UsersOf(session).Find(userId);

        /// <summary>The user, or null after a non-terminating UserNotFound error.</summary>
        internal ZkUser? RequireUser(ZkSession session, string userId)
        {
            ZkUser? user = FindUser(session, userId);
            if (user == null) WriteError(ErrorFactory.UserNotFound(userId, session));
            return user;
        }

        /// <summary>"user 1005 (Alice) on 127.0.0.1:4370": the ShouldProcess target for one user.</summary>
        internal static string UserTarget(string userId, string? name, ZkSession session) =>
            UserTarget(userId, name, session.Device);

        internal static string UserTarget(string userId, string? name, string device) =>
            string.IsNullOrEmpty(name) ? $"user {userId} on {device}" : $"user {userId} ({name}) on {device}";
    }
}
