using System.Collections.Generic;
using System.Linq;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Copying
{
    /// <summary>Whether the destination already holds what would be copied, so a second run reports Skipped and writes nothing.</summary>
    internal static class Sameness
    {
        public static bool SameUser(ZkUser source, ZkUser destination) =>
            source.UserId == destination.UserId
            && source.Name == destination.Name
            && source.Password == destination.Password
            && source.PrivilegeByte == destination.PrivilegeByte
            && source.Card == destination.Card
            && source.Group == destination.Group
            // 28- and 72-byte records keep time zones in different widths; compare only like with like.
            && (source.TimeZones.Length != destination.TimeZones.Length || source.TimeZones.SequenceEqual(destination.TimeZones));

        public static bool SameFingerprints(IReadOnlyCollection<ZkFingerprint> source, IReadOnlyCollection<ZkFingerprint> destination) =>
            source.Count == destination.Count
            && source.All(s => destination.Any(d => d.FingerIndex == s.FingerIndex && d.Flag == s.Flag && d.Template.SequenceEqual(s.Template)));

        /// <summary>Face records embed the device-local uid (bytes 2-3), which legitimately differs; everything else must match.</summary>
        public static bool SameFaces(IReadOnlyCollection<ZkFaceRecord> source, IReadOnlyCollection<ZkFaceRecord> destination) =>
            source.Count == destination.Count
            && source.All(s => destination.Any(d => d.FaceId == s.FaceId && SameIgnoringUid(s.Raw, d.Raw)));

        private static bool SameIgnoringUid(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                if (i == 2 || i == 3) continue;
                if (a[i] != b[i]) return false;
            }

            return true;
        }
    }
}
