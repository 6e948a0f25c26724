using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ZkSync.Emulator.Core.Device
{
    /// <summary>
    /// What the emulator noticed: dropped packets and why, refused uploads, session changes. Firmware stays silent on
    /// most of these; the log is how tests and people see the reason. Bounded (oldest entries fall off).
    /// </summary>
    public sealed class EmulatorLog
    {
        private const int Capacity = 10000;
        private readonly ConcurrentQueue<string> _entries = new ConcurrentQueue<string>();

        /// <summary>Raised for every entry (on the thread that logged it).</summary>
        public event Action<string>? Logged;

        public IReadOnlyList<string> Entries => _entries.ToList();

        public void Add(string message)
        {
            _entries.Enqueue(message);
            while (_entries.Count > Capacity && _entries.TryDequeue(out _)) { }
            Logged?.Invoke(message);
        }

        public bool Contains(string fragment) =>
            _entries.Any(e => e.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
