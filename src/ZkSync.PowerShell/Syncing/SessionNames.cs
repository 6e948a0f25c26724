using System.Collections.Generic;

namespace ZkSync.PowerShell.Syncing
{
    /// <summary>
    /// The engine names devices as their client does ("host:port/tcp"); results show them as sessions do ("host:port").
    /// </summary>
    internal sealed class SessionNames
    {
        private readonly Dictionary<string, ZkSession> _byEngineName = new Dictionary<string, ZkSession>();

        public SessionNames(IEnumerable<ZkSession> sessions)
        {
            foreach (ZkSession session in sessions)
                if (!_byEngineName.ContainsKey(EngineName(session))) _byEngineName[EngineName(session)] = session;
        }

        public static string EngineName(ZkSession session) => session.Client.Device;

        public string Display(string engineName) => _byEngineName.TryGetValue(engineName, out ZkSession? s) ? s.Device : engineName;

        /// <summary>The session behind an engine name, for error targets; null for a backup.</summary>
        public ZkSession? Session(string engineName) => _byEngineName.TryGetValue(engineName, out ZkSession? s) ? s : null;
    }
}
