using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Sessions
{
    /// <summary>Everything the module keeps for one runspace: its sessions, the current one, its emulators, its log
    /// relay.</summary>
    internal sealed class ModuleState
    {
        private readonly object _gate = new object();
        private readonly List<ZkSession> _sessions = new List<ZkSession>();
        private readonly List<ZkEmulatorInfo> _emulators = new List<ZkEmulatorInfo>();
        private int _nextSessionId = 1;
        private int _nextEmulatorId = 1;

        public LogRelay Log { get; } = new LogRelay();

        /// <summary>The default for -Session: the session connected last (or the last one still open).</summary>
        public ZkSession? Current { get; private set; }

        public int NextSessionId()
        {
            lock (_gate) return _nextSessionId++;
        }

        public int NextEmulatorId()
        {
            lock (_gate) return _nextEmulatorId++;
        }

        public void Add(ZkSession session)
        {
            lock (_gate)
            {
                _sessions.Add(session);
                Current = session;
            }
        }

        public void Remove(ZkSession session)
        {
            lock (_gate)
            {
                _sessions.Remove(session);
                if (ReferenceEquals(Current, session)) Current = _sessions.LastOrDefault();
            }
        }

        /// <summary>A copy, so callers can close sessions while enumerating (Get-ZkSession |
        /// Disconnect-ZkDevice).</summary>
        public ZkSession[] Sessions()
        {
            lock (_gate) return _sessions.ToArray();
        }

        public void Add(ZkEmulatorInfo emulator)
        {
            lock (_gate) _emulators.Add(emulator);
        }

        public void Remove(ZkEmulatorInfo emulator)
        {
            lock (_gate) _emulators.Remove(emulator);
        }

        public ZkEmulatorInfo[] Emulators()
        {
            lock (_gate) return _emulators.ToArray();
        }

        /// <summary>Closes every session and stops every emulator (module removed or runspace closed).</summary>
        public void CloseAll()
        {
            CloseSessions();

            foreach (ZkEmulatorInfo emulator in Emulators())
            {
                try { emulator.Stop(TimeSpan.FromSeconds(5)); }
                catch (Exception) { /* Best effort: the module or runspace is going away. */ }
                Remove(emulator);
            }
        }

        /// <summary>Ends every session with CMD_EXIT, all at once (process exit leaves little time), each bounded to 2
        /// s.</summary>
        public void CloseSessions()
        {
            ZkSession[] sessions = Sessions();
            var closing = sessions
                .Select(session =>
                    System.Threading.Tasks.Task.Run(() => SessionCloser.Close(session, TimeSpan.FromSeconds(2)))
                )
                .ToArray();
            System.Threading.Tasks.Task.WaitAll(closing, TimeSpan.FromSeconds(3));
            foreach (ZkSession session in sessions)
                Remove(session);
        }
    }
}
