using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;
using ZkSync.Sync;

namespace ZkSync.Sync.Tests.Fakes
{
    /// <summary>
    /// An in-memory device with firmware-like rules: uids chosen on write, records stored as the codec encodes them
    /// (so widths and encodings bite), faces re-keyed to the local uid, batch entries beyond capacity silently dropped.
    /// Counts calls and traffic, and can fail or corrupt on demand.
    /// </summary>
    public sealed class FakeSyncDevice : ISyncDevice
    {
        private readonly SortedDictionary<string, ZkUser> _users = new SortedDictionary<string, ZkUser>(
            StringComparer.Ordinal
        );
        private readonly Dictionary<(ushort, byte), ZkFingerprint> _fingers =
            new Dictionary<(ushort, byte), ZkFingerprint>();
        private readonly Dictionary<string, List<ZkFaceRecord>> _faces = new Dictionary<string, List<ZkFaceRecord>>(
            StringComparer.Ordinal
        );
        private readonly Dictionary<string, byte[]> _photos = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        private long _sent,
            _received,
            _requests,
            _uploaded;

        public FakeSyncDevice(string name, ZkCapabilities? capabilities = null, string encoding = "utf-8")
        {
            Name = name;
            Capabilities = capabilities ?? Profiles.Face();
            TextEncoding = TextField.GetEncoding(encoding);
        }

        public string Name { get; }
        public ZkCapabilities Capabilities { get; set; }
        public Encoding TextEncoding { get; }
        public SyncTraffic Traffic => new SyncTraffic(_sent, _received, _requests, _uploaded);

        public int UserCapacity { get; set; } = 10000;
        public int FingerprintCapacity { get; set; } = 30000;
        public int FaceCapacity { get; set; } = 700;
        public List<ZkAttendanceRecord> Attendance { get; } = new List<ZkAttendanceRecord>();

        // Observations
        public List<string> Calls { get; } = new List<string>();
        public List<int> BatchSizes { get; } = new List<int>();

        /// <summary>Sizes of the batches that carried templates (not the record-only batches that enable staged
        /// users).</summary>
        public List<int> TemplateBatchSizes { get; } = new List<int>();
        public int DisableCount { get; private set; }
        public int EnableCount { get; private set; }
        public bool IsDisabled { get; private set; }
        public int CloseCount { get; private set; }

        /// <summary>Called with the operation name before each call; throw from it to inject a failure.</summary>
        public Action<string>? BeforeCall { get; set; }

        /// <summary>Stores a flipped byte in every template written (a device that mangles data).</summary>
        public bool CorruptTemplates { get; set; }

        // ---- seeding and inspection (no traffic) ----
        public ZkUser Seed(
            ZkUser user,
            IEnumerable<ZkFingerprint>? fingers = null,
            IEnumerable<ZkFaceRecord>? faces = null,
            byte[]? photo = null
        )
        {
            var stored = Store(user);
            foreach (var f in fingers ?? Enumerable.Empty<ZkFingerprint>())
                _fingers[(stored.Uid, f.FingerIndex)] = new ZkFingerprint(
                    stored.Uid,
                    f.FingerIndex,
                    f.Flag,
                    f.Template
                );
            if (faces != null)
                _faces[user.UserId] = faces.Select(f => Rekey(f, stored.Uid)).ToList();
            if (photo != null)
                _photos[user.UserId] = photo;
            return stored;
        }

        public IReadOnlyDictionary<string, ZkUser> Users => _users;

        public IEnumerable<ZkFingerprint> FingersOf(string userId) =>
            _users.TryGetValue(userId, out var u)
                ? _fingers.Values.Where(f => f.Uid == u.Uid).OrderBy(f => f.FingerIndex)
                : Enumerable.Empty<ZkFingerprint>();

        public IReadOnlyList<ZkFaceRecord> FacesOf(string userId) =>
            _faces.TryGetValue(userId, out var f) ? f : new List<ZkFaceRecord>();

        public byte[]? PhotoOf(string userId) => _photos.TryGetValue(userId, out var p) ? p : null;

        // ---- ISyncDevice ----
        public Task<ZkDeviceInfo> GetDeviceInfoAsync(CancellationToken cancellationToken) =>
            Run("info", 100, () => new ZkDeviceInfo
            {
                Endpoint = Name,
                Transport = ZkTransportKind.Tcp,
                SerialNumber = "FAKE-" + Name,
                DeviceName = "Fake",
                Platform = "ZMM220_TFT",
                FirmwareVersion = "Ver 6.60",
                Capabilities = Capabilities,
                Counts = Counts(),
            });

        public Task<ZkDeviceCounts> GetCountsAsync(CancellationToken cancellationToken) => Run("counts", 92, Counts);

        public Task<IReadOnlyList<ZkUser>> GetUsersAsync(CancellationToken cancellationToken) =>
            Run("users", _users.Count * (int)Capabilities.UserFormat, () =>
                (IReadOnlyList<ZkUser>)_users.Values.Select(u => u.Clone()).ToList()
            );

        public Task<IReadOnlyList<ZkFingerprint>> GetFingerprintsAsync(CancellationToken cancellationToken) =>
            Run("fingerprints", _fingers.Values.Sum(f => 6 + f.Template.Length), () =>
                (IReadOnlyList<ZkFingerprint>)
                    _fingers
                        .Values.Select(f => new ZkFingerprint(f.Uid, f.FingerIndex, f.Flag, (byte[])f.Template.Clone()))
                        .ToList()
            );

        public Task<IReadOnlyList<ZkFaceRecord>> GetFacesAsync(string userId, CancellationToken cancellationToken) =>
            Run("faces " + userId, FacesOf(userId).Count * FaceRecordCodec.RecordSize, () =>
            {
                RequireFaces();
                return (IReadOnlyList<ZkFaceRecord>)
                    FacesOf(userId).Select(f => new ZkFaceRecord((byte[])f.Raw.Clone()) { UserId = userId }).ToList();
            });

        public Task<byte[]?> GetPhotoAsync(string userId, CancellationToken cancellationToken) =>
            Run("photo " + userId, PhotoOf(userId)?.Length ?? 0, () => PhotoOf(userId));

        public Task<IReadOnlyList<ZkAttendanceRecord>> GetAttendanceAsync(CancellationToken cancellationToken) =>
            Run("attendance", Attendance.Count * 40, () => (IReadOnlyList<ZkAttendanceRecord>)Attendance.ToList());

        public Task<IReadOnlyList<UserWriteResult>> WriteUsersAsync(
            IReadOnlyList<UserWithFingerprints> users,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        ) => Run("write-users", 0, () =>
            {
                int recordSize = (int)Capabilities.UserFormat;
                _uploaded += BatchUploadCodec.SizeOf(
                    recordSize,
                    users.Count,
                    users.SelectMany(u => u.Fingerprints).Select(f => f.Template.Length)
                );
                BatchSizes.Add(users.Count);
                if (users.Any(u => u.Fingerprints.Count > 0))
                    TemplateBatchSizes.Add(users.Count);
                var results = new List<UserWriteResult>();
                foreach (var entry in users)
                {
                    bool created = !_users.ContainsKey(entry.User.UserId);
                    if (created && _users.Count >= UserCapacity)
                        continue; // firmware: silently skipped
                    var stored = Store(entry.User);
                    foreach (var f in entry.Fingerprints)
                    {
                        if (!_fingers.ContainsKey((stored.Uid, f.FingerIndex)) && _fingers.Count >= FingerprintCapacity)
                            continue;
                        var template = (byte[])f.Template.Clone();
                        if (CorruptTemplates)
                            template[template.Length - 1] ^= 0xFF;
                        _fingers[(stored.Uid, f.FingerIndex)] = new ZkFingerprint(
                            stored.Uid,
                            f.FingerIndex,
                            f.StoredFlag,
                            template
                        );
                    }
                    results.Add(
                        new UserWriteResult(stored.UserId, stored.Uid, created, Array.Empty<FieldTruncation>())
                    );
                }
                return (IReadOnlyList<UserWriteResult>)results;
            });

        public Task<bool> DeleteFingerprintAsync(string userId, int finger, CancellationToken cancellationToken) =>
            Run("delete-finger " + userId, 0, () =>
                _users.TryGetValue(userId, out var u) && _fingers.Remove((u.Uid, (byte)finger))
            );

        public Task WriteFacesAsync(
            string userId,
            IReadOnlyList<ZkFaceRecord> faces,
            bool exact,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        ) => Run("write-faces " + userId, 0, () =>
            {
                RequireFaces();
                if (!_users.TryGetValue(userId, out var u))
                    throw new ZkDeviceErrorException("No such user", 2001, 2, Name, 151);
                _uploaded += faces.Count * FaceRecordCodec.RecordSize;
                if (!_faces.ContainsKey(userId) && _faces.Count >= FaceCapacity)
                    throw new ZkDeviceErrorException("Face store full", 2001, 0, Name, 151);
                var list = exact || !_faces.TryGetValue(userId, out var existing) ? new List<ZkFaceRecord>() : existing;
                foreach (var f in faces)
                {
                    list.RemoveAll(x => x.FaceId == f.FaceId);
                    list.Add(Rekey(f, u.Uid));
                }
                _faces[userId] = list;
                return true;
            });

        public Task DeleteFacesAsync(string userId, CancellationToken cancellationToken) =>
            Run("delete-faces " + userId, 0, () => _faces.Remove(userId));

        public Task SetPhotoAsync(
            string userId,
            byte[] jpeg,
            ZkUploadCheck check,
            CancellationToken cancellationToken
        ) => Run("set-photo " + userId, 0, () =>
            {
                if (!_users.ContainsKey(userId))
                    throw new ZkDeviceErrorException("No such user", 2001, 2, Name, 10009);
                _uploaded += jpeg.Length;
                _photos[userId] = (byte[])jpeg.Clone();
                return true;
            });

        public Task<bool> DeletePhotoAsync(string userId, CancellationToken cancellationToken) =>
            Run("delete-photo " + userId, 0, () => _photos.Remove(userId));

        public Task<bool> DeleteUserAsync(string userId, CancellationToken cancellationToken) =>
            Run("delete-user " + userId, 0, () =>
            {
                if (!_users.TryGetValue(userId, out var u))
                    return false;
                _users.Remove(userId);
                foreach (var key in _fingers.Keys.Where(k => k.Item1 == u.Uid).ToList())
                    _fingers.Remove(key);
                _faces.Remove(userId);
                _photos.Remove(userId);
                return true;
            });

        public Task DisableAsync(CancellationToken cancellationToken) => Run("disable", 0, () =>
            {
                DisableCount++;
                IsDisabled = true;
                return true;
            });

        public Task EnableAsync(CancellationToken cancellationToken) => Run("enable", 0, () =>
            {
                EnableCount++;
                IsDisabled = false;
                return true;
            });

        public Task CloseAsync(CancellationToken cancellationToken)
        {
            CloseCount++;
            return Task.CompletedTask;
        }

        // ---- internals ----
        /// <summary>Complete every call asynchronously (so concurrent destinations interleave).</summary>
        public bool Asynchronous { get; set; }

        private async Task<T> Run<T>(string op, int replyBytes, Func<T> body)
        {
            if (Asynchronous) await Task.Yield();
            lock (Calls) Calls.Add(op);
            BeforeCall?.Invoke(op);
            _requests++;
            _sent += 16;
            _received += 16 + replyBytes;
            return body();
        }

        private void RequireFaces()
        {
            if (!Capabilities.FaceSupported) throw new ZkNotSupportedException("No face function", Name, 150);
        }

        private ZkUser Store(ZkUser user)
        {
            ushort uid = _users.TryGetValue(user.UserId, out var old) ? old.Uid : NextUid();
            var copy = user.Clone();
            copy.Uid = uid;
            // Round-trip through the record codec: the device keeps exactly what fits its fields.
            var record = UserRecordCodec.Encode(copy, Capabilities.UserFormat, TextEncoding, TruncationMode.Error);
            var stored = UserRecordCodec.Decode(record, 0, Capabilities.UserFormat, TextEncoding);
            _users[stored.UserId] = stored;
            return stored;
        }

        private ushort NextUid()
        {
            var used = new HashSet<ushort>(_users.Values.Select(u => u.Uid));
            // Start high and odd so uids never match the source's by accident.
            ushort uid = 501;
            while (used.Contains(uid))
                uid++;
            return uid;
        }

        private static ZkFaceRecord Rekey(ZkFaceRecord f, ushort uid) =>
            new ZkFaceRecord(FaceRecordCodec.WithUid(f.Raw, uid));

        private ZkDeviceCounts Counts() =>
            new ZkDeviceCounts
            {
                Users = _users.Count,
                Fingerprints = _fingers.Count,
                UserCapacity = UserCapacity,
                FingerprintCapacity = FingerprintCapacity,
                UsersFree = UserCapacity - _users.Count,
                FingerprintsFree = FingerprintCapacity - _fingers.Count,
                HasFaceFields = Capabilities.FaceSupported,
                UsersWithFaces = _faces.Count(kv => kv.Value.Count > 0),
                FaceCapacity = Capabilities.FaceSupported ? FaceCapacity : 0,
            };
    }
}
