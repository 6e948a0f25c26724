using System;
using System.Threading;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core
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

        /// <summary>tft (72-byte users, ZKFinger 10), bw (28-byte users, numeric PINs), face (tft + ZKFace 7 + ZMM
        /// photos).</summary>
        public string Profile { get; set; } = "tft";

        /// <summary>Seeded users (deterministic from <see cref="Seed"/>).</summary>
        public int Users { get; set; }

        public int Seed { get; set; } = 1;

        /// <summary>JSON state file: loaded at start when it exists, saved on stop.</summary>
        public string? StatePath { get; set; }

        /// <summary>
        /// Open sessions the device serves at once; a CONNECT beyond it gets CMD_ACK_ERROR (and TCP is closed). 0 = no
        /// limit, the default: firmware's session table grows as needed (FW commu.c CreateSession, five entries at a
        /// time).
        /// </summary>
        public int MaxSessions { get; set; }

        /// <summary>Fingerprint algorithm (~ZKFPVersion, 9 or 10); null = the profile's (10 on every
        /// profile).</summary>
        public int? FingerprintVersion { get; set; }

        /// <summary>Face algorithm (ZKFaceVersion); 0 = no faces; null = the profile's (7 on face, 0
        /// elsewhere).</summary>
        public int? FaceVersion { get; set; }

        /// <summary>User-photo command family; null = the profile's (face: ZMM 10009-10011, tft: File 110/1700 + 1702,
        /// bw: none).</summary>
        public PhotoCommandFamily? PhotoFamily { get; set; }

        /// <summary>Capacities; null = the profile's.</summary>
        public int? UserCapacity { get; set; }

        public int? FingerprintCapacity { get; set; }

        public int? RecordCapacity { get; set; }

        /// <summary>~MaxFaceCount: face capacity in hundreds of users; null = the profile's (7, as firmware's
        /// default).</summary>
        public int? MaxFaceCount { get; set; }

        /// <summary>Seeded attendance records; null = three per seeded user.</summary>
        public int? AttendanceRecords { get; set; }

        /// <summary>Largest CMD_PREPARE_DATA upload the device allocates (bigger is refused with
        /// CMD_ACK_ERROR).</summary>
        public int MaxUploadBytes { get; set; } = 16 * 1024 * 1024;

        /// <summary>Largest user photo accepted (30 KB: the limit OEM SDKs and firmware's PUSH export use).</summary>
        public int MaxPhotoBytes { get; set; } = 30 * 1024;

        /// <summary>
        /// Pause between the packets of a large-data reply. Firmware sleeps about 20 ms between chunks; clients that
        /// parse one packet per socket read (node-zklib) depend on it. Zero by default so tests and benchmarks run at
        /// loopback speed.
        /// </summary>
        public TimeSpan LargeDataPacketGap { get; set; } = TimeSpan.Zero;

        /// <summary>
        /// Link model: time the device needs to turn a request around (ms), charged once per request. 0 = none. With
        /// <see cref="LinkBytesPerSecond"/> it models a terminal's slow link on loopback (benchmarks; tests use lower
        /// bounds only).
        /// </summary>
        public double LinkTurnaroundMs { get; set; }

        /// <summary>Link model: bytes per second of the device link, shared by requests and replies (a serial line). 0
        /// = unlimited.</summary>
        public long LinkBytesPerSecond { get; set; }

        /// <summary>Device timing model on top of the link model (<see cref="DeviceTimingModel"/>); None by default, so
        /// tests run at loopback speed.</summary>
        public DeviceTimingMode DeviceTiming { get; set; } = DeviceTimingMode.None;

        /// <summary>
        /// Divides every modelled time (link and device) so hours of modelled terminal time run in minutes; the caller
        /// multiplies its measured time back. 1 = real time. Counters report device time unscaled.
        /// </summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>Faults injected from start-up (null = none); change them later with <see
        /// cref="DeviceEmulator.SetFaults"/>.</summary>
        public FaultOptions? Faults { get; set; }

        /// <summary>A UDP session silent this long may be evicted when a CONNECT needs its slot (UDP has no
        /// close).</summary>
        public TimeSpan UdpSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Refuse with CMD_ACK_ERROR what firmware ACKs without a sign (a partial or malformed batch buffer, a photo
        /// that is not a whole JPEG or above <see cref="MaxPhotoBytes"/>, a command-87 template of the other
        /// fingerprint algorithm).
        /// Off by default: as firmware (FW commu.c 978-1003, 2307-2326, 2363-2391), such an upload is ACKed and dropped
        /// (logged), and only a read-back shows the loss. Opt in to make a client's mistakes show at once.
        /// </summary>
        public bool StrictRefusals { get; set; }

        /// <summary>
        /// Options this firmware does not know: CMD_OPTIONS_RRQ for them gets the unknown-option error (2001, or 4999
        /// on ZMM), as older firmware answers e.g. ~ZKFPVersion or FaceFunOn. Empty = every option of the profile is
        /// answered.
        /// </summary>
        public string[] HiddenOptions { get; set; } = Array.Empty<string>();

        /// <summary>
        /// CONNECT is answered CMD_ACK_UNAUTH whatever the comm key, as ZMM220_TFT terminals do (fpmachine's
        /// <c>ZMM220_TFT.connect</c> accepts nothing else). With key 0, CMD_AUTH derived from 0 is accepted and so are
        /// commands sent without any CMD_AUTH. Null = the profile's (on for face, off for tft and bw).
        /// </summary>
        public bool? UnauthOnConnect { get; set; }

        /// <summary>
        /// CONNECT is answered 6001 and every CMD_AUTH refused, as 2025 ZAM70 firmware does for the classic handshake
        /// (fananimi/pyzk#253). Off by default.
        /// </summary>
        public bool AnswerConnectWith6001 { get; set; }

        /// <summary>
        /// TCP: a connection that sends nothing for this long is closed, as a NAT or firewall idle timeout closes it. A
        /// fault, zero (never) by default: firmware polls an established connection without a timeout and closes it
        /// only when the client does (FW tcpcomm.c EthCommTCPCheck). UDP has no connection to close.
        /// </summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.Zero;

        /// <summary>
        /// A TCP session whose connection ended without CMD_EXIT keeps its slot (and a device it disabled stays
        /// disabled) until a CONNECT needs the slot after this long. Infinite by default, as firmware: only CMD_EXIT
        /// frees a session (FW commu.c 755-756), a closed socket frees nothing (tcpcomm.c 262-265). Zero = freed at
        /// once, as <see cref="FreeSessionOnDisconnect"/>.
        /// </summary>
        public TimeSpan OrphanSessionTimeout { get; set; } = Timeout.InfiniteTimeSpan;

        /// <summary>
        /// Lenient, not firmware: a TCP session whose client leaves without CMD_EXIT ends at once, and the device is
        /// enabled again when it was the last one. Off by default, so a client that never re-enables a device shows.
        /// </summary>
        public bool FreeSessionOnDisconnect { get; set; }

        /// <summary>Whether a client that leaves without CMD_EXIT leaves its session behind.</summary>
        internal bool KeepsOrphanedSessions => !FreeSessionOnDisconnect && OrphanSessionTimeout != TimeSpan.Zero;

        /// <summary>A copy (for deriving a device's options without changing the caller's).</summary>
        public EmulatorOptions Clone() => (EmulatorOptions)MemberwiseClone();

        /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
        public void Validate()
        {
            if (Port < 0 || Port > 65535)
                throw new ArgumentException($"Port {Port} is out of range 0-65535.", nameof(Port));
            if (Users < 0)
                throw new ArgumentException("Users must not be negative.", nameof(Users));
            if (CommKey > Wire.DeviceCommKey.MaxKey)
                throw new ArgumentException(
                    $"Comm key is out of range 0-{Wire.DeviceCommKey.MaxKey}.",
                    nameof(CommKey)
                );
            if (MaxSessions < 0)
                throw new ArgumentException("MaxSessions must not be negative (0 = no limit).", nameof(MaxSessions));
            if (FingerprintVersion is int fp && fp != 9 && fp != 10)
                throw new ArgumentException("FingerprintVersion must be 9 or 10.", nameof(FingerprintVersion));
            if (FaceVersion is int fv && fv < 0)
                throw new ArgumentException("FaceVersion must not be negative.", nameof(FaceVersion));
            if (MaxUploadBytes < 1024)
                throw new ArgumentException("MaxUploadBytes must be at least 1024.", nameof(MaxUploadBytes));
            if (MaxPhotoBytes < 1)
                throw new ArgumentException("MaxPhotoBytes must be positive.", nameof(MaxPhotoBytes));
            if (LargeDataPacketGap < TimeSpan.Zero)
                throw new ArgumentException("LargeDataPacketGap must not be negative.", nameof(LargeDataPacketGap));
            if (double.IsNaN(LinkTurnaroundMs) || LinkTurnaroundMs < 0 || LinkTurnaroundMs > 60000)
                throw new ArgumentException("LinkTurnaroundMs must be 0-60000.", nameof(LinkTurnaroundMs));
            if (LinkBytesPerSecond < 0)
                throw new ArgumentException(
                    "LinkBytesPerSecond must not be negative (0 = unlimited).",
                    nameof(LinkBytesPerSecond)
                );
            if (HiddenOptions == null)
                throw new ArgumentException(
                    "HiddenOptions must not be null (empty = none hidden).",
                    nameof(HiddenOptions)
                );
            if (double.IsNaN(TimeScale) || TimeScale < 1 || TimeScale > 10000)
                throw new ArgumentException("TimeScale must be 1-10000.", nameof(TimeScale));
            if (!Enum.IsDefined(typeof(DeviceTimingMode), DeviceTiming))
                throw new ArgumentException("DeviceTiming must be none, requests or records.", nameof(DeviceTiming));
            if (IdleTimeout < TimeSpan.Zero)
                throw new ArgumentException("IdleTimeout must not be negative (0 = never).", nameof(IdleTimeout));
            if (OrphanSessionTimeout < TimeSpan.Zero && OrphanSessionTimeout != Timeout.InfiniteTimeSpan)
            {
                const string why = "OrphanSessionTimeout must not be negative (0 = freed at once, Infinite = kept).";
                throw new ArgumentException(why, nameof(OrphanSessionTimeout));
            }
            Faults?.Validate();
            Device.DeviceProfile.Resolve(this);
        }
    }
}
