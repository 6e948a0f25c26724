using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core.Seeding
{
    /// <summary>
    /// Fills a device deterministically from a seed: users (numeric user ids, ASCII names, some admins, passwords and
    /// cards), 1-3 fingerprints each, attendance, and on face/photo profiles 15 face records and a JPEG photo per user.
    /// Same seed and options → same bytes.
    /// </summary>
    public static class Seeder
    {
        private static readonly DateTime FirstPunch = new DateTime(2024, 1, 8, 7, 30, 0);

        public static DeviceState Seed(DeviceProfile profile, EmulatorOptions options)
        {
            var state = new DeviceState(profile);
            var rng = new Random(options.Seed);
            int users = Math.Min(options.Users, Math.Min(profile.UserCapacity, 65534));
            var photos = profile.PhotosOn ? new PhotoFactory(options.Seed) : null;
            for (int i = 1; i <= users; i++)
            {
                var user = MakeUser(rng, profile, (ushort)i);
                state.PutUser(user);
                SeedTemplates(rng, state, user.Uid);
                if (profile.FacesOn && state.UsersWithFaces < profile.FaceCapacity) SeedFaces(rng, state, user.Uid);
                if (photos != null) state.Photos[DeviceText.PhotoFileName(user.Pin2)] = photos.Make(rng, user.Pin2);
            }
            SeedAttendance(rng, state, options.AttendanceRecords ?? users * 3);
            return state;
        }

        private static StoredUser MakeUser(Random rng, DeviceProfile profile, ushort uid)
        {
            var format = profile.UserFormat;
            string first = NamePool.First[rng.Next(NamePool.First.Length)],
                last = NamePool.Last[rng.Next(NamePool.Last.Length)];
            string name = format == UserRecordFormat.Extended72 ? first + " " + last : first;
            if (name.Length > DeviceUserRecord.NameWidth(format))
                name = name.Substring(0, DeviceUserRecord.NameWidth(format));
            var user = new ZkUser
            {
                Uid = uid,
                // Disjoint ranges per uid keep ids unique while looking irregular.
                UserId = (1000 + uid * 3 + rng.Next(3)).ToString(CultureInfo.InvariantCulture),
                Name = name,
                PrivilegeByte = (byte)(rng.Next(20) == 0 ? (int)ZkPrivilege.Admin : 0),
                Password = rng.Next(5) == 0 ? rng.Next(1000, 99999).ToString(CultureInfo.InvariantCulture) : "",
                Card = rng.Next(2) == 0 ? (uint)rng.Next(100000, 16777215) : 0,
                Group = 1,
            };
            return new StoredUser(DeviceUserRecord.Write(user, format, Encoding.ASCII, allowCut: false), format);
        }

        private static void SeedTemplates(Random rng, DeviceState state, ushort uid)
        {
            var profile = state.Profile;
            int count = 1 + rng.Next(3);
            var fingers = new HashSet<int>();
            while (fingers.Count < count)
                fingers.Add(rng.Next(10));
            foreach (int finger in fingers)
            {
                if (state.TemplateCount >= profile.FingerprintCapacity)
                    return;
                state.PutTemplate(
                    new StoredTemplate(uid, (byte)finger, 1, MakeTemplate(rng, profile.FingerprintVersion))
                );
            }
        }

        /// <summary>ZKFinger 10 templates as captured: 2 bytes, ASCII "SS21", then opaque data (500-1,600 bytes);
        /// ZKFinger 9: 400-598 opaque bytes.</summary>
        public static byte[] MakeTemplate(Random rng, int version)
        {
            var t = new byte[version == 9 ? rng.Next(400, 599) : rng.Next(500, 1601)];
            rng.NextBytes(t);
            if (version != 9)
            {
                t[2] = (byte)'S'; t[3] = (byte)'S'; t[4] = (byte)'2'; t[5] = (byte)'1';
                t[6] = 0; t[7] = 0;
            }
            return t;
        }

        private static void SeedFaces(Random rng, DeviceState state, ushort uid)
        {
            for (byte faceId = 0; faceId < 15; faceId++)
            {
                var template = new byte[rng.Next(1100, 1400)];
                rng.NextBytes(template);
                template[0] = (byte)'Z'; template[1] = (byte)'K'; template[2] = (byte)'F';
                state.UpsertFace(uid, DeviceFaceRecord.Make(uid, faceId, 1, template));
            }
        }

        private static void SeedAttendance(Random rng, DeviceState state, int count)
        {
            var users = new List<StoredUser>(state.Users);
            if (users.Count == 0) return;
            count = Math.Min(count, state.Profile.RecordCapacity);
            var time = FirstPunch;
            byte verify = (byte)(state.Profile.FacesOn ? 15 : 1);
            for (int i = 0; i < count; i++)
            {
                var user = users[rng.Next(users.Count)];
                time = time.AddSeconds(rng.Next(30, 3600));
                state.Attendance.Add(
                    new ZkAttendanceRecord
                    {
                        Uid = user.Uid,
                        UserId = user.Pin2,
                        Timestamp = time,
                        VerifyMethod = verify,
                        State = (byte)rng.Next(2),
                    }
                );
            }
        }
    }
}
