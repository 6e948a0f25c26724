using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell
{
    /// <summary>Identity, capabilities, counts and capacities of a device (Get-ZkDeviceInfo).</summary>
    public sealed class ZkDeviceDetails : ZkSessionItem
    {
        internal ZkDeviceDetails(ZkDeviceInfo info, ZkSession session) : base(session) => Info = info;

        public string DeviceName => Info.DeviceName;
        public string SerialNumber => Info.SerialNumber;
        public string Platform => Info.Platform;
        public string FirmwareVersion => Info.FirmwareVersion;
        public string Mac => Info.Mac;
        public string Transport => Session.Transport;
        public int Users => Info.Counts.Users;
        public int UserCapacity => Info.Counts.UserCapacity;
        public int Fingerprints => Info.Counts.Fingerprints;
        public int FingerprintCapacity => Info.Counts.FingerprintCapacity;
        public int UsersWithFaces => Info.Counts.UsersWithFaces;
        public int FaceCapacity => Info.Counts.FaceCapacity;
        public int Records => Info.Counts.Records;
        public int RecordCapacity => Info.Counts.RecordCapacity;
        public UserRecordFormat UserFormat => Info.Capabilities.UserFormat;
        public int FingerprintAlgorithm => Info.Capabilities.FingerprintAlgorithm;
        public int FaceAlgorithm => Info.Capabilities.FaceAlgorithm;
        public bool PhotoSupported => Info.Capabilities.PhotoSupported;
        public ZkCapabilities Capabilities => Info.Capabilities;
        public ZkDeviceCounts Counts => Info.Counts;

        internal ZkDeviceInfo Info { get; }

        public override string ToString() => $"{DeviceName} {SerialNumber} ({Device})";
    }
}
