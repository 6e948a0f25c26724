using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Sync;
using ZkSync.Sync.Backup;

namespace ZkSync.PowerShell.Syncing
{
    /// <summary>
    /// -BackupPath: a backup of each destination, written before the engine reads or changes it, named
    /// "&lt;serial&gt;_&lt;yyyyMMdd-HHmmss&gt;.zksync". A destination whose backup fails is not touched (its open
    /// fails).
    /// </summary>
    internal sealed class DestinationBackups
    {
        private readonly string _directory;
        private readonly string? _password;
        private readonly HashSet<string> _reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<ZkSession, string> _written =
            new ConcurrentDictionary<ZkSession, string>();

        /// <param name="password">Encrypts every backup when given (-BackupPassword).</param>
        public DestinationBackups(string directory, string? password)
        {
            _directory = directory;
            _password = password;
            Directory.CreateDirectory(directory);
        }

        /// <summary>The backup written of a destination session, or null.</summary>
        public string? FileOf(ZkSession session) => _written.TryGetValue(session, out string? path) ? path : null;

        /// <summary>Backs up <paramref name="device"/>, the open device of <paramref name="session"/>.</summary>
        public async Task WriteAsync(ZkSession session, ISyncDevice device, CancellationToken ct)
        {
            string path = Reserve(session.SerialNumber);
            try
            {
                await BackupWriter
                    .CreateAsync(device, path, new BackupOptions { Password = _password }, ct)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                throw new ZkBackupException(
                    $"The backup before syncing failed, so nothing was changed: {ex.Message}",
                    path,
                    ex
                );
            }
            _written[session] = path;
        }

        /// <summary>A free name; two destinations with one serial number (or one second) get _2, _3... (destinations
        /// run concurrently).</summary>
        private string Reserve(string serialNumber)
        {
            string serial = new string((string.IsNullOrEmpty(serialNumber) ? "device" : serialNumber)
                .Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c).ToArray());
            string stem = Path.Combine(_directory, $"{serial}_{DateTime.Now:yyyyMMdd-HHmmss}");
            lock (_reserved)
            {
                string path = stem + ".zksync";
                for (int n = 2; File.Exists(path) || _reserved.Contains(path); n++) path = $"{stem}_{n}.zksync";
                _reserved.Add(path);
                return path;
            }
        }
    }
}
