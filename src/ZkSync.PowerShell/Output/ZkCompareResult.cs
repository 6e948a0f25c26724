using ZkSync.Sync;

namespace ZkSync.PowerShell
{
    /// <summary>One user compared between a reference (a device or a backup) and a difference device.</summary>
    public sealed class ZkCompareResult
    {
        internal ZkCompareResult(DeviceComparison comparison, string reference, string difference)
        {
            Reference = reference;
            Difference = difference;
            UserId = comparison.UserId;
            Name = comparison.Name;
            Status = comparison.Status;
            DifferentKinds = comparison.DifferentKinds;
            Details = comparison.Details;
        }

        public string Reference { get; }
        public string Difference { get; }
        public string UserId { get; }
        public string Name { get; }

        /// <summary>Equal, Different, ReferenceOnly or DifferenceOnly.</summary>
        public DeviceComparisonStatus Status { get; }

        /// <summary>Which kinds differ (Users, Fingerprints, Faces, Photos); None unless Status is Different.</summary>
        public SyncDataKinds DifferentKinds { get; }

        /// <summary>What differs, e.g. "Name differs; template of finger 2 differs".</summary>
        public string Details { get; }

        public override string ToString() => $"{UserId}: {Status}";
    }
}
