using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core.Device
{
    /// <summary>
    /// Everything the terminal stores. Not thread-safe by itself: the emulator runs one command at a time under
    /// <see cref="Sync"/>, as firmware does; tests reading it while clients are connected should lock it too.
    /// </summary>
    public sealed class DeviceState
    {
        private readonly SortedDictionary<ushort, StoredUser> _users = new SortedDictionary<ushort, StoredUser>();
        private readonly Dictionary<string, ushort> _uidByPin = new Dictionary<string, ushort>(StringComparer.Ordinal);
        private readonly SortedDictionary<int, StoredTemplate> _templates = new SortedDictionary<int, StoredTemplate>();
        private readonly Dictionary<ushort, List<byte[]>> _faces = new Dictionary<ushort, List<byte[]>>();

        public DeviceState(DeviceProfile profile)
        {
            Profile = profile;
        }

        public object Sync { get; } = new object();

        public DeviceProfile Profile { get; }

        public IEnumerable<StoredUser> Users => _users.Values;
        public int UserCount => _users.Count;
        public IEnumerable<StoredTemplate> Templates => _templates.Values;
        public int TemplateCount => _templates.Count;

        /// <summary>Attendance log in the order punches happened.</summary>
        public List<ZkAttendanceRecord> Attendance { get; } = new List<ZkAttendanceRecord>();

        /// <summary>Stored files by name: user photos are "&lt;PIN2&gt;.jpg".</summary>
        public Dictionary<string, byte[]> Photos { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        /// <summary>
        /// Set by CMD_DISABLEDEVICE, cleared by CMD_ENABLEDEVICE, a restart, the last session closing, or the timeout a
        /// CMD_DISABLEDEVICE carried running out (FW commu.c CheckSessionTimeOut). Read under <see cref="Sync"/>.
        /// </summary>
        public bool Disabled
        {
            get
            {
                if (_disabled && _disabledFor > TimeSpan.Zero && _disablerLastActive != null
                    && DateTime.UtcNow - _disablerLastActive() >= _disabledFor)
                    Disabled = false;
                return _disabled;
            }
            set
            {
                _disabled = value;
                _disabledFor = TimeSpan.Zero;
                _disablerLastActive = null;
            }
        }

        private bool _disabled;
        private TimeSpan _disabledFor;
        private Func<DateTime>? _disablerLastActive;

        /// <summary>
        /// CMD_DISABLEDEVICE with a timeout: the device enables itself once the disabling session has been silent that
        /// long (FW commu.c 966-972 keeps TimeOutSec; CheckSessionTimeOut, 281-302, compares it with LastActive).
        /// </summary>
        internal void DisableFor(TimeSpan timeout, Func<DateTime> disablerLastActive)
        {
            Disabled = true;
            _disabledFor = timeout;
            _disablerLastActive = disablerLastActive;
        }

        /// <summary>
        /// Data was written since the last CMD_REFRESHDATA (or restart): firmware's matchers still hold the old copy,
        /// so new users and templates are not recognised yet. Set by <see cref="Commands.RefreshTracker"/>.
        /// </summary>
        public bool RefreshPending { get; set; }

        /// <summary>Options written with CMD_OPTIONS_WRQ (read back by CMD_OPTIONS_RRQ before the profile's
        /// table).</summary>
        public Dictionary<string, string> WrittenOptions { get; } =
            new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Device clock = host clock + this offset (CMD_SET_TIME moves it).</summary>
        public TimeSpan ClockOffset { get; set; }

        public DateTime Now => DateTime.Now + ClockOffset;

        // Users

        public StoredUser? FindUser(ushort uid) => _users.TryGetValue(uid, out var u) ? u : null;

        public StoredUser? FindUserByPin(string pin2) => _uidByPin.TryGetValue(pin2, out var uid) ? _users[uid] : null;

        /// <summary>Adds or replaces the record stored under its uid (no rule checks: callers apply firmware
        /// rules).</summary>
        public void PutUser(StoredUser user)
        {
            if (_users.TryGetValue(user.Uid, out var old)) UnindexPin(old);
            _users[user.Uid] = user;
            if (user.Pin2.Length > 0) _uidByPin[user.Pin2] = user.Uid;
        }

        /// <summary>Deletes a user with its templates, faces and photo, as firmware's FDB_DelUser does.</summary>
        public bool DeleteUser(ushort uid)
        {
            if (!_users.TryGetValue(uid, out var user)) return false;
            _users.Remove(uid);
            UnindexPin(user);
            DeleteTemplates(uid);
            _faces.Remove(uid);
            Photos.Remove(DeviceText.PhotoFileName(user.Pin2));
            return true;
        }

        // Batch uploads match by uid only, so firmware can end up with two uids sharing a PIN2; the index keeps the
        // latest.
        private void UnindexPin(StoredUser user)
        {
            if (_uidByPin.TryGetValue(user.Pin2, out var uid) && uid == user.Uid) _uidByPin.Remove(user.Pin2);
        }

        public void ClearUsers()
        {
            _users.Clear();
            _uidByPin.Clear();
            _templates.Clear();
            _faces.Clear();
            Photos.Clear();
        }

        public int AdminCount => _users.Values.Count(u => u.IsAdmin);
        public int PasswordCount => _users.Values.Count(u => u.HasPassword);

        // Templates

        public StoredTemplate? FindTemplate(ushort uid, int finger) =>
            _templates.TryGetValue(uid * 16 + finger, out var t) ? t : null;

        public void PutTemplate(StoredTemplate t) => _templates[t.Key] = t;

        public bool DeleteTemplate(ushort uid, int finger) => _templates.Remove(uid * 16 + finger);

        public int DeleteTemplates(ushort uid)
        {
            int n = 0;
            for (int f = 0; f < 16; f++) if (_templates.Remove(uid * 16 + f)) n++;
            return n;
        }

        // Faces

        public IReadOnlyList<byte[]> FacesOf(ushort uid) =>
            _faces.TryGetValue(uid, out var list) ? list : (IReadOnlyList<byte[]>)Array.Empty<byte[]>();

        public int UsersWithFaces => _faces.Count(kv => kv.Value.Count > 0);

        public IEnumerable<KeyValuePair<ushort, List<byte[]>>> AllFaces => _faces;

        /// <summary>Stores a record under (uid, FaceID): replaces the same FaceID in place, else appends (firmware
        /// order).</summary>
        public void UpsertFace(ushort uid, byte[] record)
        {
            if (!_faces.TryGetValue(uid, out var list)) _faces[uid] = list = new List<byte[]>();
            int i = list.FindIndex(r => r[4] == record[4]);
            if (i >= 0) list[i] = record;
            else list.Add(record);
        }

        public bool DeleteFaces(ushort uid) => _faces.Remove(uid);

        // Tables as bulk reads return them: [u32 byte count][records]

        public byte[] UserTable()
        {
            int size = Profile.UserRecordSize;
            var b = new byte[4 + _users.Count * size];
            LittleEndian.Put(b, 0, (uint)(_users.Count * size));
            int o = 4;
            foreach (var u in _users.Values) { Buffer.BlockCopy(u.Record, 0, b, o, size); o += size; }
            return b;
        }

        public byte[] TemplateTable() =>
            DeviceTemplateTable.Write(_templates.Values);

        public byte[] AttendanceTable()
        {
            int size = Profile.AttendanceRecordSize;
            var b = new byte[4 + Attendance.Count * size];
            LittleEndian.Put(b, 0, (uint)(Attendance.Count * size));
            int o = 4;
            foreach (var r in Attendance)
            {
                var rec = size == 8 ? DeviceAttendanceLog.WriteBlackAndWhite(r) : DeviceAttendanceLog.WriteTft(r);
                Buffer.BlockCopy(rec, 0, b, o, size);
                o += size;
            }
            return b;
        }

        /// <summary>Counts and capacities as CMD_GET_FREE_SIZES reports them.</summary>
        public ZkDeviceCounts Counts() =>
            new ZkDeviceCounts
            {
                Users = UserCount,
                Fingerprints = TemplateCount,
                Records = Attendance.Count,
                OpLogs = 0,
                Admins = AdminCount,
                Passwords = PasswordCount,
                FingerprintCapacity = Profile.FingerprintCapacity,
                UserCapacity = Profile.UserCapacity,
                RecordCapacity = Profile.RecordCapacity,
                FingerprintsFree = Profile.FingerprintCapacity - TemplateCount,
                UsersFree = Profile.UserCapacity - UserCount,
                RecordsFree = Profile.RecordCapacity - Attendance.Count,
                HasFaceFields = Profile.FacesOn,
                UsersWithFaces = UsersWithFaces,
                FaceCapacity = Profile.FaceCapacity,
            };
    }
}
