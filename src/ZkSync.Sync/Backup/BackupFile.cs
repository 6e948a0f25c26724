using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;
using ZkSync.Sync;

namespace ZkSync.Sync.Backup
{
    /// <summary>
    /// An open backup. <see cref="Open"/> checks everything before returning: the password and MAC of an encrypted
    /// file, the ZIP directory, the manifest's format and version, and the SHA-256 of every entry. Users and templates
    /// are then in memory; faces and photos are read per user on demand (and their hash checked again). The file is
    /// held open with writes denied to others while in use.
    /// </summary>
    public sealed class BackupFile : IDisposable
    {
        /// <summary>Largest entry accepted (guards against a crafted ZIP that inflates without end).</summary>
        private const long MaxEntryBytes = 512L * 1024 * 1024;

        private readonly FileStream _file;
        private readonly Stream _zipStream;
        private readonly ZipArchive _zip;
        private readonly Dictionary<string, BackupUser> _users;

        private BackupFile(string path, FileStream file, Stream zipStream, ZipArchive zip, bool encrypted)
        {
            Path = path;
            _file = file;
            _zipStream = zipStream;
            _zip = zip;
            Encrypted = encrypted;
            Manifest = ReadManifest();
            VerifyAllEntries();
            Device = Json<ZkDeviceInfo>(BackupEntries.Device);
            var users = Json<List<BackupUser>>(BackupEntries.Users);
            _users = new Dictionary<string, BackupUser>(StringComparer.Ordinal);
            foreach (var u in users) _users[u.UserId] = u;
            Users = users.Select(u => u.ToUser()).ToList();
            var uids = users.ToDictionary(u => u.UserId, u => (ushort)u.Uid, StringComparer.Ordinal);
            Fingerprints = Json<List<BackupFingerprint>>(BackupEntries.Fingerprints)
                .Select(f => f.ToFingerprint(uids.TryGetValue(f.UserId, out var uid) ? uid : (ushort)0)).ToList();
        }

        public string Path { get; }
        public bool Encrypted { get; }
        public BackupManifest Manifest { get; }

        /// <summary>Device info, capabilities and counts at backup time.</summary>
        public ZkDeviceInfo Device { get; }

        public IReadOnlyList<ZkUser> Users { get; }

        /// <summary>Templates with <see cref="ZkFingerprint.UserId"/> set.</summary>
        public IReadOnlyList<ZkFingerprint> Fingerprints { get; }

        /// <summary>Opens and fully checks a backup. <paramref name="password"/> is required for an encrypted
        /// file.</summary>
        public static BackupFile Open(string path, string? password = null)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (!File.Exists(full)) throw new ZkBackupException("No such backup file.", full);
            var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
            Stream? zipStream = null;
            try
            {
                var start = new byte[8];
                int n = file.Read(start, 0, start.Length);
                file.Position = 0;
                bool encrypted = n == 8 && BackupCrypto.IsEncrypted(start);
                if (encrypted)
                {
                    if (string.IsNullOrEmpty(password))
                        throw new ZkBackupPasswordException("This backup is encrypted; give its password.", full);
                    zipStream = BackupCrypto.OpenDecrypted(file, password!, full);
                }
                else if (n >= 4 && start[0] == (byte)'P' && start[1] == (byte)'K' && start[2] == 3 && start[3] == 4)
                    zipStream = file;
                else
                    throw new ZkBackupException(
                        "Not a ZkSync backup (neither a ZIP nor an encrypted ZkSync backup).",
                        full
                    );

                ZipArchive zip;
                try
                {
                    zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
                }
                catch (InvalidDataException ex)
                {
                    throw new ZkBackupException(
                        "The backup is truncated or damaged (its ZIP directory cannot be read).",
                        full,
                        ex
                    );
                }
                try
                {
                    return new BackupFile(full, file, zipStream, zip, encrypted);
                }
                catch (Exception ex) when (IsDamage(ex))
                {
                    zip.Dispose();
                    // The ZIP directory is read lazily: a damaged one surfaces here, not in the ZipArchive constructor.
                    throw new ZkBackupException($"The backup is truncated or damaged: {ex.Message}", full, ex);
                }
                catch
                {
                    zip.Dispose();
                    throw;
                }
            }
            catch
            {
                if (zipStream != null && zipStream != file) zipStream.Dispose();
                file.Dispose();
                throw;
            }
        }

        /// <summary>An import source: the engine opens the backup when the run starts and closes it after.</summary>
        public static SyncEndpoint Endpoint(string path, string? password = null) =>
            new SyncEndpoint(
                "backup:" + System.IO.Path.GetFileName(path),
                _ =>
                    System.Threading.Tasks.Task.FromResult<ISyncDevice>(
                        new BackupSyncDevice(Open(path, password), ownsFile: true)
                    ),
                ownsDevice: true
            );

        /// <summary>A read-only sync source over this open file (the caller keeps ownership).</summary>
        public ISyncDevice AsSyncDevice() => new BackupSyncDevice(this, ownsFile: false);

        public IReadOnlyList<ZkFaceRecord> GetFaces(string userId)
        {
            if (!_users.TryGetValue(userId, out var u) || u.Faces == null)
                return Array.Empty<ZkFaceRecord>();
            var records = FaceRecordCodec.DecodeBlob(ReadEntry(u.Faces));
            foreach (var r in records)
                r.UserId = userId;
            return records;
        }

        public byte[]? GetPhoto(string userId) =>
            _users.TryGetValue(userId, out var u) && u.Photo != null ? ReadEntry(u.Photo) : null;

        public IReadOnlyList<ZkAttendanceRecord> GetAttendance() =>
            Manifest.Entries.ContainsKey(BackupEntries.Attendance)
                ? Json<List<ZkAttendanceRecord>>(BackupEntries.Attendance)
                : new List<ZkAttendanceRecord>();

        /// <summary>Everything in memory (for building emulator state from a backup, or small backups).</summary>
        public BackupContent ReadContent()
        {
            var content = new BackupContent { Manifest = Manifest, Device = Device };
            content.Users.AddRange(Users.Select(u => u.Clone()));
            content.Fingerprints.AddRange(Fingerprints);
            foreach (var u in _users.Values)
            {
                if (u.Faces != null) content.Faces[u.UserId] = GetFaces(u.UserId);
                if (u.Photo != null) content.Photos[u.UserId] = GetPhoto(u.UserId)!;
            }
            content.Attendance.AddRange(GetAttendance());
            return content;
        }

        /// <summary>Reads a whole backup into memory in one call.</summary>
        public static BackupContent Load(string path, string? password = null)
        {
            using var file = Open(path, password);
            return file.ReadContent();
        }

        public void Dispose()
        {
            _zip.Dispose();
            if (_zipStream != _file) _zipStream.Dispose();
            _file.Dispose();
        }

        private BackupManifest ReadManifest()
        {
            var entry = _zip.GetEntry(BackupEntries.Manifest)
                ?? throw new ZkBackupException("The backup has no manifest.json.", Path);
            var manifest = BackupJson.Deserialize<BackupManifest>(Inflate(entry), BackupEntries.Manifest, Path);
            if (manifest.Format != BackupManifest.FormatName)
                throw new ZkBackupException($"Not a ZkSync backup (format '{manifest.Format}').", Path);
            if (manifest.Version > BackupManifest.CurrentVersion || manifest.Version < 1)
                throw new ZkBackupException(
                    $"Backup format version {manifest.Version} is newer than this ZkSync reads "
                        + $"({BackupManifest.CurrentVersion}); update ZkSync.",
                    Path
                );
            foreach (var required in new[] { BackupEntries.Device, BackupEntries.Users, BackupEntries.Fingerprints })
                if (!manifest.Entries.ContainsKey(required))
                    throw new ZkBackupException($"The manifest does not list {required}.", Path);
            return manifest;
        }

        private void VerifyAllEntries()
        {
            foreach (var entry in _zip.Entries)
                if (entry.FullName != BackupEntries.Manifest && !Manifest.Entries.ContainsKey(entry.FullName))
                    throw new ZkBackupException(
                        $"The backup holds {entry.FullName}, which its manifest does not list (altered?).",
                        Path
                    );
            foreach (var name in Manifest.Entries.Keys)
                ReadEntry(name);
        }

        private byte[] ReadEntry(string name)
        {
            if (!Manifest.Entries.TryGetValue(name, out var expected))
                throw new ZkBackupException($"The manifest does not list {name}.", Path);
            var entry = _zip.GetEntry(name)
                ?? throw new ZkBackupException(
                    $"The backup lacks {name}, which its manifest lists (truncated?).",
                    Path
                );
            var bytes = Inflate(entry);
            if (BackupWriter.Sha256Hex(bytes) != expected)
                throw new ZkBackupException(
                    $"{name} was altered or damaged (SHA-256 does not match the manifest).",
                    Path
                );
            return bytes;
        }

        private byte[] Inflate(ZipArchiveEntry entry)
        {
            if (entry.Length > MaxEntryBytes)
                throw new ZkBackupException(
                    $"{entry.FullName} claims {entry.Length} bytes; refusing more than {MaxEntryBytes}.",
                    Path
                );
            try
            {
                using var s = entry.Open();
                // Trust the directory's length for neither the allocation nor the end: grow as data comes, stop one
                // byte past it.
                using var m = new MemoryStream((int)Math.Min(entry.Length, 1024 * 1024));
                var buffer = new byte[81920];
                int n;
                while (
                    m.Length <= entry.Length
                    && (n = s.Read(buffer, 0, (int)Math.Min(buffer.Length, entry.Length + 1 - m.Length))) > 0
                )
                    m.Write(buffer, 0, n);
                if (m.Length != entry.Length)
                    throw new ZkBackupException(
                        $"{entry.FullName} is damaged (length differs from the ZIP directory).",
                        Path
                    );
                return m.ToArray();
            }
            catch (Exception ex) when (IsDamage(ex))
            {
                throw new ZkBackupException($"{entry.FullName} is damaged: {ex.Message}", Path, ex);
            }
        }

        /// <summary>What a damaged ZIP raises from System.IO.Compression (bad directory, bad deflate data, unknown
        /// method).</summary>
        private static bool IsDamage(Exception ex) =>
            ex is InvalidDataException
            || ex is NotSupportedException
            || (ex is IOException && !(ex is FileNotFoundException));

        private T Json<T>(string name) => BackupJson.Deserialize<T>(ReadEntry(name), name, Path);
    }
}
