using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Health
{
    /// <summary>
    /// Reads what a health check needs from a connected device, read-only: identity, firmware, clock and counts.
    /// Fills <paramref name="health"/> and adds a problem per finding beyond the given limits.
    /// </summary>
    internal static class DeviceProbe
    {
        public static async Task ReadAsync(
            ZkDeviceClient client,
            ZkDeviceHealth health,
            HealthLimits limits,
            List<string> problems,
            CancellationToken ct
        )
        {
            ZkDeviceInfo info = await client.GetDeviceInfoAsync(ct).ConfigureAwait(false);
            health.Transport = info.Transport.ToString();
            health.SerialNumber = info.SerialNumber;
            health.DeviceName = info.DeviceName;
            health.FirmwareVersion = info.FirmwareVersion;
            health.Enabled = !client.DisabledByThisClient;
            if (client.DisabledByThisClient)
                problems.Add("left disabled by this session: run Enable-ZkDevice");

            health.ClockDrift = await DriftAsync(client, ct).ConfigureAwait(false);
            if (Math.Abs(health.ClockDrift.Value.TotalSeconds) > limits.MaxClockDrift.TotalSeconds)
                problems.Add(
                    $"clock is {Describe(health.ClockDrift.Value)} (limit {limits.MaxClockDrift.TotalSeconds:0} s): "
                        + "run Set-ZkDeviceTime"
                );

            health.Capacity = Uses(info.Counts);
            foreach (ZkCapacityUse use in health.Capacity)
                if (use.Percent >= limits.CapacityWarningPercent)
                    problems.Add($"{use.Kind} at {use.Percent}% of capacity ({use.Used}/{use.Capacity})");
        }

        /// <summary>Device clock minus this machine's, against the midpoint of the request (the device counts whole
        /// seconds).</summary>
        private static async Task<TimeSpan> DriftAsync(ZkDeviceClient client, CancellationToken ct)
        {
            DateTime before = DateTime.Now;
            DateTime device = await client.GetTimeAsync(ct).ConfigureAwait(false);
            DateTime after = DateTime.Now;
            DateTime here = before + TimeSpan.FromTicks((after - before).Ticks / 2);
            // The device reports whole seconds, truncated: its true time lies anywhere in the next second, half on
            // average.
            return TimeSpan.FromSeconds(Math.Round((device.AddMilliseconds(500) - here).TotalSeconds));
        }

        private static List<ZkCapacityUse> Uses(ZkDeviceCounts counts)
        {
            var uses = new List<ZkCapacityUse>
            {
                new ZkCapacityUse("Users", counts.Users, counts.UserCapacity),
                new ZkCapacityUse("Fingerprints", counts.Fingerprints, counts.FingerprintCapacity),
            };
            // Faces are counted only by firmware that sends the long free-sizes reply; photos are not counted by any.
            if (counts.HasFaceFields) uses.Add(new ZkCapacityUse("Faces", counts.UsersWithFaces, counts.FaceCapacity));
            return uses;
        }

        private static string Describe(TimeSpan drift) =>
            $"{Math.Abs(drift.TotalSeconds):0} s {(drift > TimeSpan.Zero ? "ahead" : "behind")}";
    }

    /// <summary>Where Test-ZkDevice starts calling a device unhealthy.</summary>
    internal sealed class HealthLimits
    {
        public double CapacityWarningPercent { get; set; } = 90;
        public TimeSpan MaxClockDrift { get; set; } = TimeSpan.FromSeconds(60);
    }
}
