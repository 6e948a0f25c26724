using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Codecs;
using ZkSync.Sync;

namespace ZkSync.Sync.Backup
{
    /// <summary>
    /// Writes a backup of a device: a ZIP of JSON and binary entries (docs/backup-format.md), optionally encrypted.
    /// Faces and photos are read and written one user at a time. The file is built under a temporary name next to the
    /// target, readable by its owner only, and renamed when complete, so a failed backup never leaves a half file.
    /// The comm key is never part of a backup.
    /// </summary>
    public static class BackupWriter
    {
        public static async Task<BackupManifest> CreateAsync(
            ISyncDevice device,
            string path,
            BackupOptions options,
            CancellationToken cancellationToken = default
        )
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full) && !options.Overwrite)
                throw new ZkBackupException("The file exists; choose another name or allow overwriting.", full);
            if (options.Password != null && options.Password.Length == 0)
                throw new ZkBackupException("The backup password is empty.", full);
            var temp = Path.Combine(
                Path.GetDirectoryName(full)!,
                "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp"
            );
            try
            {
                BackupManifest manifest;
                using (var file = OwnerOnlyFile.Create(temp))
                {
                    var target =
                        options.Password == null
                            ? file
                            : BackupCrypto.BeginEncrypt(file, options.Password, options.Iterations);
                    using (var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true))
                        manifest = await WriteEntriesAsync(device, zip, options, cancellationToken)
                            .ConfigureAwait(false);
                    if (target != file)
                        target.Dispose(); // last block + MAC
                }
                if (File.Exists(full))
                    File.Delete(full);
                File.Move(temp, full);
                return manifest;
            }
            finally
            {
                if (File.Exists(temp))
                    File.Delete(temp);
            }
        }

        private static async Task<BackupManifest> WriteEntriesAsync(
            ISyncDevice device,
            ZipArchive zip,
            BackupOptions options,
            CancellationToken ct
        )
        {
            var manifest = new BackupManifest
            {
                CreatedUtc = DateTime.UtcNow,
                Creator = "ZkSync " + typeof(BackupWriter).Assembly.GetName().Version,
                Source = device.Name,
            };
            var info = await device.GetDeviceInfoAsync(ct).ConfigureAwait(false);
            var snapshot = await DeviceSnapshot.ReadAsync(device, withFingerprints: true, ct).ConfigureAwait(false);
            var caps = device.Capabilities;
            bool faces = caps.FaceSupported && !(snapshot.Counts.HasFaceFields && snapshot.Counts.UsersWithFaces == 0);

            var users = new List<BackupUser>();
            var ordered = snapshot.Users.Values.OrderBy(u => u.UserId, StringComparer.Ordinal).ToList();
            for (int i = 0; i < ordered.Count; i++)
            {
                options.Progress?.Report(
                    new SyncProgress(device.Name, "Backing up faces and photos", i, ordered.Count)
                );
                var u = ordered[i];
                var entry = BackupUser.From(u);
                if (faces)
                {
                    var records = await device.GetFacesAsync(u.UserId, ct).ConfigureAwait(false);
                    if (records.Count > 0)
                    {
                        entry.Faces = BackupEntries.Faces(u.UserId);
                        entry.FaceCount = records.Count;
                        Add(zip, manifest, entry.Faces, FaceRecordCodec.EncodeBlob(records), CompressionLevel.Fastest);
                        manifest.Counts.UsersWithFaces++;
                        manifest.Counts.FaceRecords += records.Count;
                    }
                }
                if (caps.PhotoSupported)
                {
                    var photo = await device.GetPhotoAsync(u.UserId, ct).ConfigureAwait(false);
                    if (photo != null && photo.Length > 0)
                    {
                        entry.Photo = BackupEntries.Photo(u.UserId);
                        Add(zip, manifest, entry.Photo, photo, CompressionLevel.NoCompression);
                        manifest.Counts.Photos++;
                    }
                }
                users.Add(entry);
            }

            var fingerprints = snapshot
                .Users.Keys.SelectMany(id =>
                    snapshot
                        .FingerprintsOf(id)
                        .Select(f =>
                        {
                            var b = BackupFingerprint.From(f);
                            b.UserId = id;
                            return b;
                        })
                )
                .ToList();
            manifest.Counts.Users = users.Count;
            manifest.Counts.Fingerprints = fingerprints.Count;
            Add(zip, manifest, BackupEntries.Users, BackupJson.Serialize(users), CompressionLevel.Optimal);
            Add(
                zip,
                manifest,
                BackupEntries.Fingerprints,
                BackupJson.Serialize(fingerprints),
                CompressionLevel.Optimal
            );
            if (options.IncludeAttendance)
            {
                var attendance = await device.GetAttendanceAsync(ct).ConfigureAwait(false);
                manifest.Counts.Attendance = attendance.Count;
                Add(
                    zip,
                    manifest,
                    BackupEntries.Attendance,
                    BackupJson.Serialize(attendance),
                    CompressionLevel.Optimal
                );
            }
            info.Counts = snapshot.Counts;
            info.Capabilities = caps;
            Add(
                zip,
                manifest,
                BackupEntries.Device,
                BackupJson.Serialize(info, indented: true),
                CompressionLevel.Optimal
            );

            var manifestEntry = zip.CreateEntry(BackupEntries.Manifest, CompressionLevel.Optimal);
            using (var s = manifestEntry.Open())
            {
                var bytes = BackupJson.Serialize(manifest, indented: true);
                s.Write(bytes, 0, bytes.Length);
            }
            return manifest;
        }

        private static void Add(
            ZipArchive zip,
            BackupManifest manifest,
            string name,
            byte[] bytes,
            CompressionLevel level
        )
        {
            manifest.Entries[name] = Sha256Hex(bytes);
            var entry = zip.CreateEntry(name, level);
            using var s = entry.Open();
            s.Write(bytes, 0, bytes.Length);
        }

        internal static string Sha256Hex(byte[] bytes)
        {
            using var sha = SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(bytes)).Replace("-", "").ToLowerInvariant();
        }
    }
}
