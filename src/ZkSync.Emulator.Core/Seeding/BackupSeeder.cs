using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Model;
using ZkSync.Sync.Backup;

namespace ZkSync.Emulator.Core.Seeding
{
    /// <summary>
    /// Builds a device from a backup instead of a seed, so an admin can rehearse a sync against a copy of a production
    /// terminal: the profile follows the backed-up capabilities, the storage holds the backed-up data.
    /// </summary>
    public static class BackupSeeder
    {
        // Names come out of a backup as text; the client reads them back with its default encoding (UTF-8).
        private static readonly Encoding TextEncoding = Encoding.UTF8;

        /// <summary>The options that emulate the backed-up device: <paramref name="template"/> with profile, versions
        /// and capacities from the backup.</summary>
        public static EmulatorOptions OptionsFor(BackupContent backup, EmulatorOptions template)
        {
            var caps = backup.Device.Capabilities;
            var counts = backup.Device.Counts;
            var o = template.Clone();
            o.Profile =
                caps.UserFormat == UserRecordFormat.Compact28 ? "bw"
                : caps.FaceSupported ? "face"
                : "tft";
            o.Users = backup.Users.Count;
            o.StatePath = null;
            o.FingerprintVersion =
                caps.FingerprintAlgorithm == 9 || caps.FingerprintAlgorithm == 10
                    ? caps.FingerprintAlgorithm
                    : (int?)null;
            o.FaceVersion = caps.FaceSupported ? caps.FaceAlgorithm : 0;
            o.PhotoFamily = caps.PhotoFamily;
            if (caps.MaxPhotoBytes > 0)
                o.MaxPhotoBytes = caps.MaxPhotoBytes;
            // A capacity the backup does not know (0) keeps the profile's; a known one never drops below what it holds.
            if (counts.UserCapacity > 0)
                o.UserCapacity = Math.Max(counts.UserCapacity, backup.Users.Count);
            if (counts.FingerprintCapacity > 0)
                o.FingerprintCapacity = Math.Max(counts.FingerprintCapacity, backup.Fingerprints.Count);
            if (counts.RecordCapacity > 0)
                o.RecordCapacity = Math.Max(counts.RecordCapacity, backup.Attendance.Count);
            if (counts.FaceCapacity > 0)
                o.MaxFaceCount = (Math.Max(counts.FaceCapacity, backup.Faces.Count) + 99) / 100;
            return o;
        }

        /// <summary>The backed-up data as this profile stores it; uids are kept where they are valid and
        /// unique.</summary>
        public static DeviceState Load(BackupContent backup, DeviceProfile profile)
        {
            var state = new DeviceState(profile);
            var uids = AssignUids(backup.Users);
            foreach (var user in backup.Users)
            {
                var stored = user.Clone();
                stored.Uid = uids[user.UserId];
                state.PutUser(
                    new StoredUser(
                        DeviceUserRecord.Write(stored, profile.UserFormat, TextEncoding, allowCut: true),
                        profile.UserFormat
                    )
                );
            }
            foreach (var f in backup.Fingerprints)
                if (uids.TryGetValue(f.UserId, out var uid))
                    state.PutTemplate(new StoredTemplate(uid, f.FingerIndex, f.Flag, f.Template));
            foreach (var pair in backup.Faces)
                if (uids.TryGetValue(pair.Key, out var uid))
                    foreach (var face in pair.Value)
                        state.UpsertFace(uid, DeviceFaceRecord.OwnedBy(face.Raw, uid));
            foreach (var pair in backup.Photos)
                if (uids.ContainsKey(pair.Key))
                    state.Photos[DeviceText.PhotoFileName(pair.Key)] = pair.Value;
            foreach (var record in backup.Attendance)
            {
                state.Attendance.Add(
                    new ZkAttendanceRecord
                    {
                        Uid = uids.TryGetValue(record.UserId, out var uid) ? uid : record.Uid,
                        UserId = record.UserId,
                        Timestamp = record.Timestamp,
                        VerifyMethod = record.VerifyMethod,
                        State = record.State,
                        WorkCode = record.WorkCode,
                    }
                );
            }
            return state;
        }

        private static Dictionary<string, ushort> AssignUids(IReadOnlyList<ZkUser> users)
        {
            var result = new Dictionary<string, ushort>(StringComparer.Ordinal);
            var taken = new HashSet<ushort>();
            foreach (var u in users)
                if (u.Uid != 0 && u.Uid != ushort.MaxValue && taken.Add(u.Uid)) result[u.UserId] = u.Uid;
            ushort next = 1;
            foreach (var u in users.Where(u => !result.ContainsKey(u.UserId)))
            {
                while (taken.Contains(next)) next++;
                taken.Add(next);
                result[u.UserId] = next;
            }
            return result;
        }
    }
}
