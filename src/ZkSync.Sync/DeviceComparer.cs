using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    public enum DeviceComparisonStatus
    {
        Equal,
        Different,
        ReferenceOnly,
        DifferenceOnly,
    }

    /// <summary>One user compared between two devices.</summary>
    public sealed class DeviceComparison
    {
        public string Reference { get; internal set; } = "";
        public string Difference { get; internal set; } = "";
        public string UserId { get; internal set; } = "";
        public string Name { get; internal set; } = "";
        public DeviceComparisonStatus Status { get; internal set; }

        /// <summary>Kinds that differ (None unless Status is Different).</summary>
        public SyncDataKinds DifferentKinds { get; internal set; }

        /// <summary>What differs, e.g. "Name differs; template of finger 2 differs".</summary>
        public string Details { get; internal set; } = "";

        public override string ToString() => $"{UserId} {Status} {DifferentKinds} {Details}".TrimEnd();
    }

    /// <summary>
    /// Read-only comparison of a reference and a difference device per user, with the same equality the sync planner
    /// uses (a reference user is compared as it would be stored on the difference device). Faces and photos are read
    /// one user at a time.
    /// </summary>
    public static class DeviceComparer
    {
        /// <param name="options">Kinds, UserIds/ExcludeUserIds and IncludeLearnedFaces are used; OnItem is not.</param>
        /// <param name="onResult">Each comparison as soon as it is known.</param>
        public static async Task<IReadOnlyList<DeviceComparison>> CompareAsync(
            ISyncDevice reference,
            ISyncDevice difference,
            SyncOptions options,
            Action<DeviceComparison>? onResult = null,
            CancellationToken cancellationToken = default
        )
        {
            bool fingers = options.Kinds.Has(SyncDataKinds.Fingerprints);
            var left = await DeviceSnapshot.ReadAsync(reference, fingers, cancellationToken).ConfigureAwait(false);
            var right = await DeviceSnapshot.ReadAsync(difference, fingers, cancellationToken).ConfigureAwait(false);
            var profile = DestinationProfile.Of(difference);
            var filter = UserIdFilter.From(options);
            var ids = left
                .Users.Keys.Union(right.Users.Keys)
                .Where(filter.Includes)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();
            var results = new List<DeviceComparison>(ids.Count);
            foreach (var id in ids)
            {
                left.Users.TryGetValue(id, out var a);
                right.Users.TryGetValue(id, out var b);
                var c = new DeviceComparison
                {
                    Reference = reference.Name,
                    Difference = difference.Name,
                    UserId = id,
                    Name = (a ?? b)!.Name,
                };
                if (a == null)
                    c.Status = DeviceComparisonStatus.DifferenceOnly;
                else if (b == null)
                    c.Status = DeviceComparisonStatus.ReferenceOnly;
                else
                {
                    var details = new List<string>();
                    if (options.Kinds.Has(SyncDataKinds.Users))
                        c.DifferentKinds |= Users(a, b, profile, details);
                    if (fingers)
                        c.DifferentKinds |= Fingerprints(left, right, id, details);
                    if (options.Kinds.Has(SyncDataKinds.Faces))
                        c.DifferentKinds |= await FacesAsync(
                                reference,
                                difference,
                                id,
                                options.IncludeLearnedFaces,
                                details,
                                cancellationToken
                            )
                            .ConfigureAwait(false);
                    if (options.Kinds.Has(SyncDataKinds.Photos))
                        c.DifferentKinds |= await PhotosAsync(reference, difference, id, details, cancellationToken)
                            .ConfigureAwait(false);
                    c.Status =
                        c.DifferentKinds == SyncDataKinds.None
                            ? DeviceComparisonStatus.Equal
                            : DeviceComparisonStatus.Different;
                    c.Details = string.Join("; ", details);
                }
                results.Add(c);
                onResult?.Invoke(c);
            }
            return results;
        }

        private static SyncDataKinds Users(ZkUser a, ZkUser b, DestinationProfile profile, List<string> details)
        {
            var prepared = PreparedUser.Prepare(a, profile, allowTruncation: true);
            if (prepared.Failure != null)
            {
                details.Add(prepared.Failure);
                return SyncDataKinds.Users;
            }
            var fields = SyncEquality.UserDifferences(prepared.ToWrite!, b);
            details.AddRange(fields.Select(f => f + " differs"));
            return fields.Count > 0 ? SyncDataKinds.Users : SyncDataKinds.None;
        }

        private static SyncDataKinds Fingerprints(
            DeviceSnapshot left,
            DeviceSnapshot right,
            string id,
            List<string> details
        )
        {
            var diff = SyncEquality.Fingerprints(left.FingerprintsOf(id), right.FingerprintsOf(id));
            if (diff.IsEqual)
                return SyncDataKinds.None;
            int la = left.Capabilities.FingerprintAlgorithm,
                ra = right.Capabilities.FingerprintAlgorithm;
            if (la > 0 && ra > 0 && la != ra)
                details.Add($"fingerprint algorithm differs (ZKFinger {la} vs {ra})");
            else
                details.AddRange(diff.Details);
            return SyncDataKinds.Fingerprints;
        }

        private static async Task<SyncDataKinds> FacesAsync(
            ISyncDevice reference,
            ISyncDevice difference,
            string id,
            bool learned,
            List<string> details,
            CancellationToken ct
        )
        {
            var a = reference.Capabilities.FaceSupported
                ? await reference.GetFacesAsync(id, ct).ConfigureAwait(false)
                : Array.Empty<ZkFaceRecord>();
            var b = difference.Capabilities.FaceSupported
                ? await difference.GetFacesAsync(id, ct).ConfigureAwait(false)
                : Array.Empty<ZkFaceRecord>();
            var diff = SyncEquality.Faces(a, b, learned);
            details.AddRange(diff.Details);
            return diff.IsEqual ? SyncDataKinds.None : SyncDataKinds.Faces;
        }

        private static async Task<SyncDataKinds> PhotosAsync(
            ISyncDevice reference,
            ISyncDevice difference,
            string id,
            List<string> details,
            CancellationToken ct
        )
        {
            var a = reference.Capabilities.PhotoSupported
                ? await reference.GetPhotoAsync(id, ct).ConfigureAwait(false)
                : null;
            var b = difference.Capabilities.PhotoSupported
                ? await difference.GetPhotoAsync(id, ct).ConfigureAwait(false)
                : null;
            if (SyncEquality.PhotoEqual(a, b))
                return SyncDataKinds.None;
            details.Add(
                a == null ? "photo only on the difference device"
                : b == null ? "photo only on the reference device"
                : "photo differs (SHA-256)"
            );
            return SyncDataKinds.Photos;
        }
    }
}
