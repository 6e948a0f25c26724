using System;
using System.Management.Automation;
using System.Security;
using ZkSync.Emulator.Core;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Syncing;
using ZkSync.Protocol.Model;
using ZkSync.Sync.Backup;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>
    /// Starts an emulated terminal on 127.0.0.1 in this process. Its output pipes into Connect-ZkDevice; it is stopped
    /// by Stop-ZkEmulator, or when the module is removed or the runspace closes.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ZkEmulator", DefaultParameterSetName = ProfileSet)]
    [OutputType(typeof(ZkEmulatorInfo))]
    public sealed class StartZkEmulatorCommand : ZkCmdlet
    {
        private const string ProfileSet = "Profile";
        private const string BackupSet = "Backup";

        /// <summary>tft (72-byte users, ZKFinger 10), bw (28-byte users, numeric PINs), face (tft with faces and
        /// photos).</summary>
        [Parameter(Position = 0, ParameterSetName = ProfileSet)]
        [ValidateSet("tft", "bw", "face")]
        public string Profile { get; set; } = "tft";

        /// <summary>How many users to seed.</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateRange(0, 100000)]
        public int Users { get; set; }

        [Parameter(ParameterSetName = ProfileSet)]
        public int Seed { get; set; } = 1;

        [Parameter]
        [ValidateRange(0, (int)ZkSync.Protocol.Codecs.CommKey.MaxKey)]
        public int CommKey { get; set; }

        /// <summary>Port on 127.0.0.1; 0 lets the system choose a free one.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        [Parameter]
        public EmulatorTransport Transport { get; set; } = EmulatorTransport.Both;

        /// <summary>JSON file the device state is loaded from (when it exists) and saved to on stop.</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        /// <summary>Overrides the profile's fingerprint algorithm (9 or 10), to rehearse copies between mismatched
        /// devices.</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateRange(9, 10)]
        public int FingerprintVersion { get; set; }

        /// <summary>Overrides the profile's face algorithm version (0 turns faces off).</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateRange(0, 100)]
        public int FaceVersion { get; set; }

        /// <summary>Overrides the profile's user capacity, to rehearse syncs to a smaller device.</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateRange(1, 65534)]
        public int UserCapacity { get; set; }

        /// <summary>
        /// Accepted for older scripts: ACKing and dropping what firmware ACKs without storing is now the default.
        /// </summary>
        [Parameter(ParameterSetName = ProfileSet)]
        public SwitchParameter SilentDrops { get; set; }

        /// <summary>Refuses (CMD_ACK_ERROR) what firmware ACKs and drops, so mistakes show at once.</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        public SwitchParameter StrictRefusals { get; set; }

        /// <summary>
        /// One request with this command number (151 a face write, 10009 a photo write, 110 a user batch) is answered
        /// OK and not carried out, as firmware does with a write it cannot store: to see what a sync's read-back
        /// catches.
        /// </summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateRange(1, 65535)]
        public int AckAndDropCommand { get; set; }

        /// <summary>Which request of -AckAndDropCommand is dropped: 1 = the first.</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateRange(1, int.MaxValue)]
        public int AckAndDropOccurrence { get; set; } = 1;

        /// <summary>Requests of -AckAndDropCommand count only once a request with this command arrived.</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateRange(1, 65535)]
        public int AckAndDropAfterCommand { get; set; }

        /// <summary>Options the emulated firmware answers as unknown, as older firmware does (e.g.
        /// ~ZKFPVersion).</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateNotNullOrEmpty]
        public string[]? HideOption { get; set; }

        // The console host's remaining options (ZkSync.Emulator --help), one parameter each; defaults are the host's.

        /// <summary>
        /// Fault, TCP: seconds of silence after which a connection is closed, as a NAT or firewall idle timeout; 0 =
        /// never.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public double IdleTimeoutSeconds { get; set; }

        /// <summary>
        /// Session slots; a CONNECT beyond them is refused. 0 = no limit, as firmware's session table.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 1024)]
        public int MaxSessions { get; set; }

        /// <summary>
        /// TCP: a session whose client left without CMD_EXIT can be dropped after this many seconds when a connection
        /// needs its slot; 0 = freed at once. Not given: kept until a restart, as firmware.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public double OrphanSlotSeconds { get; set; }

        /// <summary>
        /// Lenient, not firmware: a session whose client left without CMD_EXIT ends at once, and the device is enabled
        /// again when it was the last one.
        /// </summary>
        [Parameter]
        public SwitchParameter FreeSessionOnDisconnect { get; set; }

        /// <summary>
        /// CONNECT answered CMD_ACK_UNAUTH whatever the key (on by default in the face profile only); :$false turns it
        /// off.
        /// </summary>
        [Parameter]
        public SwitchParameter UnauthOnConnect { get; set; }

        /// <summary>
        /// CONNECT answered 6001 and every CMD_AUTH refused, as 2025 ZAM70 firmware answers the classic handshake.
        /// </summary>
        [Parameter]
        public SwitchParameter AnswerConnectWith6001 { get; set; }

        /// <summary>Overrides the profile's user-photo commands (none, Zmm or File).</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        public PhotoCommandFamily PhotoFamily { get; set; }

        /// <summary>Overrides the profile's face capacity, in hundreds of users (~MaxFaceCount).</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateRange(0, 655)]
        public int MaxFaceCount { get; set; }

        /// <summary>Overrides the profile's fingerprint template capacity.</summary>
        [Parameter(ParameterSetName = ProfileSet)]
        [ValidateRange(1, 1000000)]
        public int FingerprintCapacity { get; set; }

        /// <summary>Pause between the packets of a large reply, in milliseconds (firmware: about 20).</summary>
        [Parameter]
        [ValidateRange(0, 10000)]
        public int ChunkGapMilliseconds { get; set; }

        /// <summary>Link model: the terminal's turnaround per request, in milliseconds.</summary>
        [Parameter]
        [ValidateRange(0.0, 60000.0)]
        public double LatencyMilliseconds { get; set; }

        /// <summary>Link model: bytes per second shared by requests and replies; 0 = unlimited.</summary>
        [Parameter]
        [ValidateRange(0L, long.MaxValue)]
        public long BytesPerSecond { get; set; }

        /// <summary>
        /// A real terminal's own time per request (None, Requests or Records readings of field logs).
        /// </summary>
        [Parameter]
        public DeviceTimingMode DeviceTiming { get; set; }

        /// <summary>Divides every modelled time (link and device) by this factor.</summary>
        [Parameter]
        [ValidateRange(1.0, 10000.0)]
        public double TimeScale { get; set; } = 1;

        /// <summary>
        /// Faults injected from start, as a hashtable of FaultOptions properties, e.g. @{ ResetAfterRequests = 3 }.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public FaultOptions? Fault { get; set; }

        /// <summary>A backup (Export-ZkDevice) to start from: the emulator holds a copy of that device, with its
        /// profile and identity.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BackupSet)]
        [ValidateNotNullOrEmpty]
        public string? FromBackup { get; set; }

        /// <summary>The password of an encrypted backup.</summary>
        [Parameter(ParameterSetName = BackupSet)]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        protected override void ProcessRecord()
        {
            if (SilentDrops && StrictRefusals)
            {
                ThrowTerminatingError(ErrorFactory.Create(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument,
                    "-SilentDrops (the default, as firmware) and -StrictRefusals contradict each other: give one.",
                    null));
            }
            BackupContent? backup = null;
            if (FromBackup != null)
            {
                using BackupFile file = BackupSource.Open(this, FromBackup, Password, nameof(Password));
                backup = file.ReadContent();
            }

            var options = new EmulatorOptions
            {
                Profile = Profile,
                Users = Users,
                Seed = Seed,
                CommKey = (uint)CommKey,
                Port = Port,
                Transport = Transport,
                StatePath = StatePath == null ? null : GetUnresolvedProviderPathFromPSPath(StatePath),
                FingerprintVersion = MyInvocation.BoundParameters.ContainsKey(nameof(FingerprintVersion))
                    ? FingerprintVersion
                    : (int?)null,
                FaceVersion = MyInvocation.BoundParameters.ContainsKey(nameof(FaceVersion)) ? FaceVersion : (int?)null,
                UserCapacity = MyInvocation.BoundParameters.ContainsKey(nameof(UserCapacity))
                    ? UserCapacity
                    : (int?)null,
                StrictRefusals = StrictRefusals,
                HiddenOptions = HideOption ?? Array.Empty<string>(),
            };
            ApplyHostOptions(options);

            TryItem(
                options.Profile,
                () =>
                {
                    DeviceEmulator emulator = Run(ct =>
                        backup == null
                            ? DeviceEmulator.StartAsync(options, ct)
                            : DeviceEmulator.StartFromAsync(backup, options, ct)
                    );
                    var info = new ZkEmulatorInfo(State.NextEmulatorId(), emulator);
                    State.Add(info);
                    WriteVerbose(
                        $"Emulator {info.Id} ({info.Profile}, {info.Users} "
                            + $"users{(backup == null ? "" : " from " + FromBackup)}) listening on {info.Device}."
                    );
                    WriteObject(info);
                },
                exception => new ErrorRecord(
                    exception,
                    ErrorIds.EmulatorFailed,
                    ErrorCategory.OpenError,
                    options.Profile
                )
            );
        }

        private void ApplyHostOptions(EmulatorOptions options)
        {
            options.IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSeconds);
            options.MaxSessions = MaxSessions;
            if (Bound(nameof(OrphanSlotSeconds)))
                options.OrphanSessionTimeout = TimeSpan.FromSeconds(OrphanSlotSeconds);
            options.FreeSessionOnDisconnect = FreeSessionOnDisconnect;
            if (Bound(nameof(UnauthOnConnect))) options.UnauthOnConnect = UnauthOnConnect.IsPresent;
            options.AnswerConnectWith6001 = AnswerConnectWith6001;
            if (Bound(nameof(PhotoFamily))) options.PhotoFamily = PhotoFamily;
            if (Bound(nameof(MaxFaceCount))) options.MaxFaceCount = MaxFaceCount;
            if (Bound(nameof(FingerprintCapacity))) options.FingerprintCapacity = FingerprintCapacity;
            options.LargeDataPacketGap = TimeSpan.FromMilliseconds(ChunkGapMilliseconds);
            options.LinkTurnaroundMs = LatencyMilliseconds;
            options.LinkBytesPerSecond = BytesPerSecond;
            options.DeviceTiming = DeviceTiming;
            options.TimeScale = TimeScale;
            options.Faults = Fault;
            if (AckAndDropCommand != 0)
            {
                options.Faults ??= new FaultOptions();
                options.Faults.AckAndDropCommand = (ushort)AckAndDropCommand;
                options.Faults.AckAndDropOccurrence = AckAndDropOccurrence;
                options.Faults.AckAndDropAfterCommand =
                    AckAndDropAfterCommand == 0 ? null : (ushort?)AckAndDropAfterCommand;
            }
        }

        private bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
    }
}
