using ZkSync.Sync;

namespace ZkSync.PowerShell
{
    /// <summary>One user compared between a reference (a device or a backup) and a difference device.</summary>
    public sealed class ZkCompareResult
    {
        // The engine's comparison, read through rather than copied; only the device names are the module's own.
        private readonly DeviceComparison _comparison;

        internal ZkCompareResult(DeviceComparison comparison, string reference, string difference)
        {
            _comparison = comparison;
            Reference = reference;
            Difference = difference;
        }

        public string Reference { get; }
        public string Difference { get; }
        public string UserId => _comparison.UserId;
        public string Name => _comparison.Name;

        /// <summary>Equal, Different, ReferenceOnly or DifferenceOnly.</summary>
        public DeviceComparisonStatus Status => _comparison.Status;

        /// <summary>Which kinds differ (Users, Fingerprints, Faces, Photos); None unless Status is Different.</summary>
        public SyncDataKinds DifferentKinds => _comparison.DifferentKinds;

        /// <summary>What differs, e.g. "Name differs; template of finger 2 differs".</summary>
        public string Details => _comparison.Details;

        public override string ToString() => $"{UserId}: {Status}";
    }
}
