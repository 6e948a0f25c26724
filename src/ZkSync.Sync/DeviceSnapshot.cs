using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>
    /// The bulk-readable part of a device (counts, users, fingerprints) keyed by user id. Faces and photos are not
    /// here: they are read per user, a batch at a time, so memory stays bounded.
    /// </summary>
    public sealed class DeviceSnapshot
    {
        private static readonly IReadOnlyList<ZkFingerprint> NoFingers = Array.Empty<ZkFingerprint>();

        public DeviceSnapshot(
            string name,
            ZkCapabilities capabilities,
            ZkDeviceCounts counts,
            IEnumerable<ZkUser> users,
            IEnumerable<ZkFingerprint>? fingerprints
        )
        {
            Name = name;
            Capabilities = capabilities;
            Counts = counts;
            var byId = new Dictionary<string, ZkUser>(StringComparer.Ordinal);
            foreach (var u in users) byId[u.UserId] = u;
            Users = byId;
            FingerprintsRead = fingerprints != null;
            var byUid = byId.Values.GroupBy(u => u.Uid).ToDictionary(g => g.Key, g => g.First().UserId);
            var fingers = new Dictionary<string, List<ZkFingerprint>>(StringComparer.Ordinal);
            foreach (var f in fingerprints ?? NoFingers)
            {
                // Bulk template records carry only the uid; the client may or may not have resolved the user id.
                string id =
                    f.UserId.Length > 0 ? f.UserId
                    : byUid.TryGetValue(f.Uid, out var mapped) ? mapped
                    : "";
                if (id.Length == 0 || !byId.ContainsKey(id))
                    continue;
                if (!fingers.TryGetValue(id, out var list))
                    fingers[id] = list = new List<ZkFingerprint>();
                list.Add(f);
            }
            Fingerprints = fingers.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<ZkFingerprint>)kv.Value,
                StringComparer.Ordinal
            );
        }

        public string Name { get; }
        public ZkCapabilities Capabilities { get; }
        public ZkDeviceCounts Counts { get; }
        public IReadOnlyDictionary<string, ZkUser> Users { get; }

        /// <summary>False when fingerprints were not part of the read.</summary>
        public bool FingerprintsRead { get; }

        public IReadOnlyDictionary<string, IReadOnlyList<ZkFingerprint>> Fingerprints { get; }

        public IReadOnlyList<ZkFingerprint> FingerprintsOf(string userId) =>
            Fingerprints.TryGetValue(userId, out var f) ? f : NoFingers;

        /// <summary>Reads counts, users and (when asked and the device has any) all templates with bulk
        /// reads.</summary>
        public static async Task<DeviceSnapshot> ReadAsync(
            ISyncDevice device,
            bool withFingerprints,
            CancellationToken cancellationToken
        )
        {
            var counts = await device.GetCountsAsync(cancellationToken).ConfigureAwait(false);
            var users = await device.GetUsersAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ZkFingerprint>? fingers = null;
            if (withFingerprints)
                fingers =
                    counts.Fingerprints > 0
                        ? await device.GetFingerprintsAsync(cancellationToken).ConfigureAwait(false)
                        : NoFingers;
            return new DeviceSnapshot(device.Name, device.Capabilities, counts, users, fingers);
        }
    }
}
