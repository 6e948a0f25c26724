using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>For each data kind: whether a run includes it and, if the two devices cannot exchange it,
    /// why.</summary>
    public sealed class KindSupport
    {
        private readonly string?[] _skip = new string?[4];

        private KindSupport(SyncDataKinds included) => Included = included;

        public SyncDataKinds Included { get; }

        /// <summary>Kinds included and possible between these two devices.</summary>
        public SyncDataKinds Active
        {
            get
            {
                var k = SyncDataKinds.None;
                foreach (var kind in SyncDataKind.Each)
                    if (Included.Has(kind) && SkipReason(kind) == null) k |= kind;
                return k;
            }
        }

        public string? SkipReason(SyncDataKinds kind) => _skip[Index(kind)];

        public KindOutcome Initial(SyncDataKinds kind) =>
            !Included.Has(kind) ? KindOutcome.NotIncluded
            : SkipReason(kind) != null ? KindOutcome.Skipped
            : KindOutcome.Unchanged;

        public static KindSupport Between(ZkCapabilities source, ZkCapabilities destination, SyncDataKinds included)
        {
            var s = new KindSupport(included);
            // Templates are algorithm-specific; firmware does not convert them (pyzk #182, PUSH "same version only").
            if (
                source.FingerprintAlgorithm > 0
                && destination.FingerprintAlgorithm > 0
                && source.FingerprintAlgorithm != destination.FingerprintAlgorithm
            )
                s._skip[1] =
                    $"fingerprint algorithm differs (source ZKFinger {source.FingerprintAlgorithm}, destination "
                        + $"ZKFinger {destination.FingerprintAlgorithm}); templates are not interchangeable";
            if (!source.FaceSupported)
                s._skip[2] = "the source has no face templates";
            else if (!destination.FaceSupported)
                s._skip[2] = "the destination has no face function";
            else if (source.FaceAlgorithm != destination.FaceAlgorithm)
                s._skip[2] =
                    $"face algorithm differs (source ZKFace {source.FaceAlgorithm}, destination ZKFace "
                        + $"{destination.FaceAlgorithm}); templates are not interchangeable";
            if (!source.PhotoSupported)
                s._skip[3] = "the source has no user photos";
            else if (!destination.PhotoSupported)
                s._skip[3] = "the destination has no user photos";
            return s;
        }

        internal static int Index(SyncDataKinds kind) =>
            kind switch
            {
                SyncDataKinds.Users => 0,
                SyncDataKinds.Fingerprints => 1,
                SyncDataKinds.Faces => 2,
                SyncDataKinds.Photos => 3,
                _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
            };
    }
}
