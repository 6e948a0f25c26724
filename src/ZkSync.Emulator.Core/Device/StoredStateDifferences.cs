using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ZkSync.Emulator.Core.Wire;

namespace ZkSync.Emulator.Core.Device
{
    /// <summary>
    /// How one user held by a destination emulator differs from the same user (by PIN2) on a source emulator, judged on
    /// what each device stores: record bytes apart from the uid, templates by finger (flag and bytes), face records
    /// apart from their uid field, and photo bytes. Independent of the sync engine's own comparer, so tests and the
    /// fault campaign can hold the engine's "Succeeded" against the device's state.
    /// </summary>
    public static class StoredStateDifferences
    {
        private static readonly Encoding Latin1 = Encoding.GetEncoding("ISO-8859-1");

        /// <summary>
        /// The differences ("record", "finger 3", "faces", "photo", "disabled"); empty when the user is held alike.
        /// <paramref name="faces"/> false leaves faces out (a destination without a face function).
        /// </summary>
        public static IReadOnlyList<string> Of(
            DeviceEmulator source,
            DeviceEmulator destination,
            string pin2,
            bool faces = true
        )
        {
            var wanted = Snapshot(source, pin2);
            var held = Snapshot(destination, pin2);
            var differences = new List<string>();
            if (wanted == null)
                return held == null ? differences : new List<string> { "only on the destination" };
            if (held == null)
                return new List<string> { "not on the destination" };
            if ((held.Record[2] & 1) != 0 && (wanted.Record[2] & 1) == 0)
                differences.Add("disabled");
            if (!RecordEqual(wanted, held))
                differences.Add("record");
            foreach (var finger in wanted.Templates.Keys.Union(held.Templates.Keys).OrderBy(f => f))
            {
                if (
                    !wanted.Templates.TryGetValue(finger, out var a)
                    || !held.Templates.TryGetValue(finger, out var b)
                    || !a.SequenceEqual(b)
                )
                    differences.Add($"finger {finger}");
            }
            if (faces && !wanted.Faces.SetEquals(held.Faces))
                differences.Add("faces");
            if (!(wanted.Photo ?? Array.Empty<byte>()).SequenceEqual(held.Photo ?? Array.Empty<byte>()))
                differences.Add("photo");
            return differences;
        }

        private static bool RecordEqual(UserState a, UserState b)
        {
            if (a.Format == b.Format)
                return a.Record.Skip(2).SequenceEqual(b.Record.Skip(2));
            // Different layouts: compare the fields both hold, as each device reads its own record.
            var x = DeviceUserRecord.Read(a.Record, a.Format, Latin1);
            var y = DeviceUserRecord.Read(b.Record, b.Format, Latin1);
            return x.UserId == y.UserId
                && x.Name == y.Name
                && x.Password == y.Password
                && x.PrivilegeByte == y.PrivilegeByte
                && x.Card == y.Card
                && x.Group == y.Group;
        }

        private static UserState? Snapshot(DeviceEmulator device, string pin2)
        {
            lock (device.State.Sync)
            {
                var s = device.State;
                var user = s.FindUserByPin(pin2);
                if (user == null) return null;
                s.Photos.TryGetValue(pin2 + ".jpg", out var photo);
                return new UserState
                {
                    Record = (byte[])user.Record.Clone(),
                    Format = user.Format,
                    Templates = s.Templates.Where(t => t.Uid == user.Uid)
                        .ToDictionary(t => (int)t.Finger, t => new[] { t.Flag }.Concat(t.Data).ToArray()),
                    Faces = new HashSet<string>(s.FacesOf(user.Uid).Select(f => Convert.ToBase64String(
                        f.Take(2).Concat(f.Skip(4)).ToArray())), StringComparer.Ordinal),
                    Photo = photo == null ? null : (byte[])photo.Clone(),
                };
            }
        }

        private sealed class UserState
        {
            public byte[] Record { get; set; } = Array.Empty<byte>();
            public ZkSync.Protocol.Model.UserRecordFormat Format { get; set; }
            public Dictionary<int, byte[]> Templates { get; set; } = new Dictionary<int, byte[]>();
            public HashSet<string> Faces { get; set; } = new HashSet<string>(StringComparer.Ordinal);
            public byte[]? Photo { get; set; }
        }
    }
}
