using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Codecs;
using ZkSync.Sync;

namespace ZkSync.FaultCampaign.Core
{
    /// <summary>
    /// Reads a destination after a run and classifies every user against the source: complete, not yet written, a
    /// disabled placeholder (staged new user), or half-written; kept users must be untouched; nothing may be orphaned.
    /// </summary>
    public static class DestinationCheck
    {
        public sealed class Result
        {
            public int HalfWritten { get; set; }
            public int Lost { get; set; }
            public int Staged { get; set; }
            public List<string> Problems { get; } = new List<string>();
        }

        /// <summary>The kept users' records and templates, to compare after the run.</summary>
        public static Dictionary<string, string> Fingerprint(DeviceEmulator device, IEnumerable<string> userIds)
        {
            var wanted = new HashSet<string>(userIds, StringComparer.Ordinal);
            lock (device.State.Sync)
                return device
                    .State.Users.Where(u => wanted.Contains(u.Pin2))
                    .ToDictionary(u => u.Pin2, u => Describe(device, u), StringComparer.Ordinal);
        }

        public static async Task<Result> InspectAsync(
            ISyncDevice source,
            ISyncDevice destination,
            DeviceEmulator device,
            IReadOnlyDictionary<string, string> kept
        )
        {
            var result = new Result();
            var comparisons = await DeviceComparer.CompareAsync(source, destination, new SyncOptions());
            var destUsers = (await destination.GetUsersAsync(default)).ToDictionary(
                u => u.UserId,
                StringComparer.Ordinal
            );
            var sourceUsers = (await source.GetUsersAsync(default)).ToDictionary(u => u.UserId, StringComparer.Ordinal);
            foreach (var c in comparisons)
            {
                switch (c.Status)
                {
                    case DeviceComparisonStatus.Equal:
                    case DeviceComparisonStatus.ReferenceOnly:
                    case DeviceComparisonStatus.DifferenceOnly when kept.ContainsKey(c.UserId):
                        break;
                    case DeviceComparisonStatus.Different
                        when !destUsers[c.UserId].Enabled
                            && sourceUsers[c.UserId].Enabled
                            && !c.DifferentKinds.Has(SyncDataKinds.Fingerprints):
                        result.Staged++;
                        break;
                    default:
                        result.HalfWritten++;
                        result.Problems.Add($"user {c.UserId}: {c}");
                        break;
                }
            }
            foreach (var k in kept)
            {
                var now = Fingerprint(device, new[] { k.Key });
                if (!now.TryGetValue(k.Key, out var after) || after != k.Value)
                {
                    result.Lost++;
                    result.Problems.Add($"kept user {k.Key} lost or altered");
                }
            }
            foreach (var orphan in Orphans(device))
            {
                result.HalfWritten++;
                result.Problems.Add(orphan);
            }
            return result;
        }

        /// <summary>Templates, faces and photos whose user is not on the device.</summary>
        private static List<string> Orphans(DeviceEmulator device)
        {
            lock (device.State.Sync)
            {
                var s = device.State;
                var uids = new HashSet<ushort>(s.Users.Select(u => u.Uid));
                var pins = new HashSet<string>(s.Users.Select(u => u.Pin2), StringComparer.Ordinal);
                return s
                    .Templates.Where(t => !uids.Contains(t.Uid))
                    .Select(t => $"template uid {t.Uid} finger {t.Finger} without its user")
                    .Concat(
                        s.AllFaces.Where(f => f.Value.Count > 0 && !uids.Contains(f.Key))
                            .Select(f => $"faces of uid {f.Key} without their user")
                    )
                    .Concat(
                        s.Photos.Keys.Where(n =>
                                n.EndsWith(".jpg", StringComparison.Ordinal)
                                && !pins.Contains(n.Substring(0, n.Length - 4))
                            )
                            .Select(n => $"photo {n} without its user")
                    )
                    .ToList();
            }
        }

        private static string Describe(DeviceEmulator device, Emulator.Core.Device.StoredUser u) =>
            Convert.ToHexString(u.Record)
            + "/"
            + string.Join(
                ",",
                device
                    .State.Templates.Where(t => t.Uid == u.Uid)
                    .Select(t => t.Finger + ":" + BufferHash.Compute(t.Data))
            );
    }
}
