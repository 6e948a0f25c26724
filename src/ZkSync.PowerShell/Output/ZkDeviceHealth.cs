using System;
using System.Collections.Generic;

namespace ZkSync.PowerShell
{
    /// <summary>How full one kind of data is on a device.</summary>
    public sealed class ZkCapacityUse
    {
        internal ZkCapacityUse(string kind, int used, int capacity)
        {
            Kind = kind;
            Used = used;
            Capacity = capacity;
        }

        public string Kind { get; }
        public int Used { get; }

        /// <summary>What the device says it can hold; 0 when it does not say.</summary>
        public int Capacity { get; }

        /// <summary>Used as a percentage of capacity; null when the capacity is unknown.</summary>
        public double? Percent => Capacity > 0 ? Math.Round(100.0 * Used / Capacity, 1) : (double?)null;

        public override string ToString() => Capacity > 0 ? $"{Kind} {Used}/{Capacity} ({Percent}%)" : $"{Kind} {Used}";
    }

    /// <summary>What Test-ZkDevice found on one device. Healthy is true when Problems is empty.</summary>
    public sealed class ZkDeviceHealth
    {
        /// <summary>"host:port".</summary>
        public string Device { get; internal set; } = "";

        /// <summary>The device answered over <see cref="Transport"/> (TCP or UDP).</summary>
        public bool Reachable { get; internal set; }

        public string? Transport { get; internal set; }

        /// <summary>The comm key was accepted; null when the device could not be reached.</summary>
        public bool? CommKeyAccepted { get; internal set; }

        public string? SerialNumber { get; internal set; }
        public string? DeviceName { get; internal set; }
        public string? FirmwareVersion { get; internal set; }

        /// <summary>Device clock minus this machine's clock (positive: the device is ahead).</summary>
        public TimeSpan? ClockDrift { get; internal set; }

        /// <summary>
        /// False when the session tested disabled the device and has not enabled it again. The 4370 protocol cannot ask
        /// a device whether it is disabled, so a new connection reports null (unknown).
        /// </summary>
        public bool? Enabled { get; internal set; }

        /// <summary>Users, fingerprints and faces, each used and of what capacity.</summary>
        public IReadOnlyList<ZkCapacityUse> Capacity { get; internal set; } = Array.Empty<ZkCapacityUse>();

        /// <summary>When a journaled run to this device last succeeded / last failed (local time); null when
        /// never.</summary>
        public DateTime? LastSuccessfulSync { get; internal set; }

        public DateTime? LastFailedSync { get; internal set; }

        /// <summary>Why the device is not healthy, one line each; empty when healthy.</summary>
        public IReadOnlyList<string> Problems { get; internal set; } = Array.Empty<string>();

        public bool Healthy => Problems.Count == 0;

        public override string ToString() => $"{Device}: " + (Healthy ? "healthy" : string.Join("; ", Problems));
    }
}
