namespace ZkSync.Protocol.Model
{
    /// <summary>Which command family a device uses for user photos.</summary>
    public enum PhotoCommandFamily
    {
        /// <summary>No user photos.</summary>
        None,

        /// <summary>ZMM firmware: 10009 write, 10010 read, 10011 delete.</summary>
        Zmm,

        /// <summary>Older TFT firmware: 110/1700 write the file, 1702 read it; delete by overwriting is not
        /// possible.</summary>
        File,
    }

    /// <summary>What a device can hold, read once per connection.</summary>
    public sealed class ZkCapabilities
    {
        public UserRecordFormat UserFormat { get; set; } = UserRecordFormat.Extended72;

        /// <summary>Maximum user id width (~PIN2Width / CMD_GET_PINWIDTH).</summary>
        public int PinWidth { get; set; }

        /// <summary>Fingerprint algorithm version (~ZKFPVersion: 9 or 10).</summary>
        public int FingerprintAlgorithm { get; set; }

        public bool FaceSupported { get; set; }

        /// <summary>Face algorithm version (ZKFaceVersion, e.g. 7); 0 when no faces.</summary>
        public int FaceAlgorithm { get; set; }

        public bool PhotoSupported => PhotoFamily != PhotoCommandFamily.None;

        public PhotoCommandFamily PhotoFamily { get; set; }

        /// <summary>Largest user photo the device takes, in bytes.</summary>
        public int MaxPhotoBytes { get; set; } = 30 * 1024;

        /// <summary>One line an admin can read where the object is printed: "72-byte users, ids up to 9 characters,
        /// ZKFinger 10, ZKFace 7, photos (Zmm)".</summary>
        public override string ToString() =>
            $"{(int)UserFormat}-byte users, ids up to {PinWidth} characters, ZKFinger {FingerprintAlgorithm}, "
            + (FaceSupported ? $"ZKFace {FaceAlgorithm}" : "no faces")
            + ", "
            + (PhotoSupported ? $"photos ({PhotoFamily})" : "no photos");
    }

    /// <summary>Identity, versions, capabilities, counts and capacities of a device.</summary>
    public sealed class ZkDeviceInfo
    {
        public string Endpoint { get; set; } = "";
        public ZkTransportKind Transport { get; set; }
        public string SerialNumber { get; set; } = "";
        public string DeviceName { get; set; } = "";
        public string Platform { get; set; } = "";
        public string FirmwareVersion { get; set; } = "";
        public string Mac { get; set; } = "";
        public ZkCapabilities Capabilities { get; set; } = new ZkCapabilities();
        public ZkDeviceCounts Counts { get; set; } = new ZkDeviceCounts();
    }
}
