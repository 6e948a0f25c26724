using System;
using System.Globalization;

namespace ZkSync.PowerShell
{
    /// <summary>A device's clock compared with this computer's (Get-ZkDeviceTime).</summary>
    public sealed class ZkDeviceTime : ZkSessionItem
    {
        internal ZkDeviceTime(DateTime deviceTime, DateTime localTime, ZkSession session) : base(session)
        {
            DeviceTime = deviceTime;
            LocalTime = localTime;
        }

        public DateTime DeviceTime { get; }
        public DateTime LocalTime { get; }

        /// <summary>Device minus local time: positive when the device runs ahead.</summary>
        public TimeSpan Drift => DeviceTime - LocalTime;

        public override string ToString() => DeviceTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
