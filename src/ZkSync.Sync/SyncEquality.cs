using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// The one definition of "equal" used by the planner, the verifier and <see cref="DeviceComparer"/>. Identity is
    /// the user id; uids never take part.
    /// </summary>
    public static class SyncEquality
    {
        /// <summary>
        /// Fields of <paramref name="prepared"/> (a source user fitted to the destination) that differ from the
        /// destination's record: every stored field but the uid, which is the device's own slot number
        /// (docs/architecture.md).
        /// </summary>
        public static List<string> UserDifferences(ZkUser prepared, ZkUser destination)
        {
            var fields = new List<string>();
            if (prepared.Name != destination.Name) fields.Add("Name");
            if (prepared.Password != destination.Password) fields.Add("Password");
            if ((prepared.PrivilegeByte & ~1) != (destination.PrivilegeByte & ~1)) fields.Add("Privilege");
            if (prepared.Enabled != destination.Enabled) fields.Add("Enabled");
            if (prepared.Card != destination.Card) fields.Add("Card");
            if (prepared.Group != destination.Group) fields.Add("Group");
            if (!TimeZonesEqual(prepared.TimeZones, destination.TimeZones)) fields.Add("TimeZones");
            return fields;
        }

        /// <summary>Equal as a record stores them: a shorter value reads as zero-filled to the field's width.</summary>
        public static bool TimeZonesEqual(byte[]? a, byte[]? b)
        {
            a ??= Array.Empty<byte>();
            b ??= Array.Empty<byte>();
            for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
                if ((i < a.Length ? a[i] : 0) != (i < b.Length ? b[i] : 0))
                    return false;
            return true;
        }

        /// <summary>Fingerprints by finger index; equal when flag (as firmware stores it) and template bytes
        /// match.</summary>
        public static KeyedDiff<ZkFingerprint> Fingerprints(
            IEnumerable<ZkFingerprint> source,
            IEnumerable<ZkFingerprint> destination
        ) =>
            KeyedDiff.Compare(
                source,
                destination,
                f => f.FingerIndex,
                (a, b) => a.StoredFlag == b.StoredFlag && a.Template.AsSpan().SequenceEqual(b.Template),
                k => $"finger {k}",
                k => $"template of finger {k}"
            );

        /// <summary>Faces by FaceID; equal when the records match except the uid field (bytes 2-3), which the device
        /// rewrites.</summary>
        public static KeyedDiff<ZkFaceRecord> Faces(
            IEnumerable<ZkFaceRecord> source,
            IEnumerable<ZkFaceRecord> destination,
            bool includeLearned
        )
        {
            bool Keep(ZkFaceRecord f) => includeLearned || !f.IsLearned;
            return KeyedDiff.Compare(
                source.Where(Keep),
                destination.Where(Keep),
                f => f.FaceId,
                FaceEqual,
                k => $"face {k}",
                k => $"face {k}"
            );
        }

        public static bool FaceEqual(ZkFaceRecord a, ZkFaceRecord b) =>
            a.Raw.AsSpan(0, 2).SequenceEqual(b.Raw.AsSpan(0, 2)) && a.Raw.AsSpan(4).SequenceEqual(b.Raw.AsSpan(4));

        public static byte[]? PhotoHash(byte[]? photo)
        {
            if (photo == null || photo.Length == 0) return null;
            using var sha = SHA256.Create();
            return sha.ComputeHash(photo);
        }

        public static bool PhotoEqual(byte[]? a, byte[]? b)
        {
            var ha = PhotoHash(a);
            var hb = PhotoHash(b);
            return ha == null ? hb == null : hb != null && ha.AsSpan().SequenceEqual(hb);
        }
    }
}
