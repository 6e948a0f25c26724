using System;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator
{
    /// <summary>Which transports the emulator serves.</summary>
    public enum EmulatorTransport
    {
        Tcp,
        Udp,
        Both,
    }

    /// <summary>How the emulator is started. Fields may grow; names stay.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>Port on 127.0.0.1; 0 lets the OS choose (TCP and UDP then share the chosen number).</summary>
        public int Port { get; set; }

        public EmulatorTransport Transport { get; set; } = EmulatorTransport.Both;

        public uint CommKey { get; set; }

        /// <summary>tft (72-byte users, ZKFinger 10), bw (28-byte users, numeric PINs), face (tft + ZKFace 7 + ZMM photos).</summary>
        public string Profile { get; set; } = "tft";

        /// <summary>Seeded users (deterministic from <see cref="Seed"/>).</summary>
        public int Users { get; set; }

        public int Seed { get; set; } = 1;

        /// <summary>JSON state file: loaded at start when it exists, saved on stop.</summary>
        public string? StatePath { get; set; }

        /// <summary>Open sessions the device serves at once; a CONNECT beyond it gets CMD_ACK_ERROR (and TCP is closed).</summary>
        public int MaxSessions { get; set; } = 4;

        /// <summary>Fingerprint algorithm (~ZKFPVersion, 9 or 10); null = the profile's (10 on every profile).</summary>
        public int? FingerprintVersion { get; set; }

        /// <summary>Face algorithm (ZKFaceVersion); 0 = no faces; null = the profile's (7 on face, 0 elsewhere).</summary>
        public int? FaceVersion { get; set; }

        /// <summary>User-photo command family; null = the profile's (face: ZMM 10009-10011, tft: File 110/1700 + 1702, bw: none).</summary>
        public PhotoCommandFamily? PhotoFamily { get; set; }

        /// <summary>Capacities; null = the profile's.</summary>
        public int? UserCapacity { get; set; }

        public int? FingerprintCapacity { get; set; }

        public int? RecordCapacity { get; set; }

        /// <summary>~MaxFaceCount: face capacity in hundreds of users; null = the profile's (7, as firmware's default).</summary>
        public int? MaxFaceCount { get; set; }

        /// <summary>Seeded attendance records; null = three per seeded user.</summary>
        public int? AttendanceRecords { get; set; }

        /// <summary>Largest CMD_PREPARE_DATA upload the device allocates (bigger is refused with CMD_ACK_ERROR).</summary>
        public int MaxUploadBytes { get; set; } = 16 * 1024 * 1024;

        /// <summary>Largest user photo accepted (30 KB: the limit OEM SDKs and firmware's PUSH export use).</summary>
        public int MaxPhotoBytes { get; set; } = 30 * 1024;

        /// <summary>
        /// Pause between the packets of a large-data reply. Firmware sleeps about 20 ms between chunks; clients that parse one
        /// packet per socket read (node-zklib) depend on it. Zero by default so tests and benchmarks run at loopback speed.
        /// </summary>
        public TimeSpan LargeDataPacketGap { get; set; } = TimeSpan.Zero;

        /// <summary>
        /// Link model: time the device needs to turn a request around (ms), charged once per request. 0 = none. With
        /// <see cref="LinkBytesPerSecond"/> it models a terminal's slow link on loopback (benchmarks; tests use lower bounds only).
        /// </summary>
        public double LinkTurnaroundMs { get; set; }

        /// <summary>Link model: bytes per second of the device link, shared by requests and replies (a serial line). 0 = unlimited.</summary>
        public long LinkBytesPerSecond { get; set; }

        /// <summary>Faults injected from start-up (null = none); change them later with <see cref="DeviceEmulator.SetFaults"/>.</summary>
        public FaultOptions? Faults { get; set; }

        /// <summary>A UDP session silent this long may be evicted when a CONNECT needs its slot (UDP has no close).</summary>
        public TimeSpan UdpSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>A copy (for deriving a device's options without changing the caller's).</summary>
        public EmulatorOptions Clone() => (EmulatorOptions)MemberwiseClone();

        /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
        public void Validate()
        {
            if (Port < 0 || Port > 65535) throw new ArgumentException($"Port {Port} is out of range 0-65535.", nameof(Port));
            if (Users < 0) throw new ArgumentException("Users must not be negative.", nameof(Users));
            if (CommKey > Wire.DeviceCommKey.MaxKey) throw new ArgumentException($"Comm key is out of range 0-{Wire.DeviceCommKey.MaxKey}.", nameof(CommKey));
            if (MaxSessions < 1) throw new ArgumentException("MaxSessions must be at least 1.", nameof(MaxSessions));
            if (FingerprintVersion is int fp && fp != 9 && fp != 10) throw new ArgumentException("FingerprintVersion must be 9 or 10.", nameof(FingerprintVersion));
            if (FaceVersion is int fv && fv < 0) throw new ArgumentException("FaceVersion must not be negative.", nameof(FaceVersion));
            if (MaxUploadBytes < 1024) throw new ArgumentException("MaxUploadBytes must be at least 1024.", nameof(MaxUploadBytes));
            if (MaxPhotoBytes < 1) throw new ArgumentException("MaxPhotoBytes must be positive.", nameof(MaxPhotoBytes));
            if (LargeDataPacketGap < TimeSpan.Zero) throw new ArgumentException("LargeDataPacketGap must not be negative.", nameof(LargeDataPacketGap));
            if (double.IsNaN(LinkTurnaroundMs) || LinkTurnaroundMs < 0 || LinkTurnaroundMs > 60000) throw new ArgumentException("LinkTurnaroundMs must be 0-60000.", nameof(LinkTurnaroundMs));
            if (LinkBytesPerSecond < 0) throw new ArgumentException("LinkBytesPerSecond must not be negative (0 = unlimited).", nameof(LinkBytesPerSecond));
            Faults?.Validate();
            Device.DeviceProfile.Resolve(this);
        }
    }
}
