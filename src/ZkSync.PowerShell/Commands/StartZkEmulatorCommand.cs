using System;
using System.Management.Automation;
using ZkSync.Emulator;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Codecs;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>
    /// Starts an emulated terminal on 127.0.0.1 in this process. Its output pipes into Connect-ZkDevice; it is stopped
    /// by Stop-ZkEmulator, or when the module is removed or the runspace closes.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ZkEmulator")]
    [OutputType(typeof(ZkEmulatorInfo))]
    public sealed class StartZkEmulatorCommand : ZkCmdlet
    {
        /// <summary>tft (72-byte users, ZKFinger 10), bw (28-byte users, numeric PINs), face (tft with faces and photos).</summary>
        [Parameter(Position = 0)]
        [ValidateSet("tft", "bw", "face")]
        public string Profile { get; set; } = "tft";

        /// <summary>How many users to seed.</summary>
        [Parameter]
        [ValidateRange(0, 100000)]
        public int Users { get; set; }

        [Parameter]
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
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        /// <summary>Overrides the profile's fingerprint algorithm (9 or 10), to rehearse copies between mismatched devices.</summary>
        [Parameter]
        [ValidateRange(9, 10)]
        public int FingerprintVersion { get; set; }

        /// <summary>Overrides the profile's face algorithm version (0 turns faces off).</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int FaceVersion { get; set; }

        protected override void ProcessRecord()
        {
            var options = new EmulatorOptions
            {
                Profile = Profile,
                Users = Users,
                Seed = Seed,
                CommKey = (uint)CommKey,
                Port = Port,
                Transport = Transport,
                StatePath = StatePath == null ? null : GetUnresolvedProviderPathFromPSPath(StatePath),
                FingerprintVersion = MyInvocation.BoundParameters.ContainsKey(nameof(FingerprintVersion)) ? FingerprintVersion : (int?)null,
                FaceVersion = MyInvocation.BoundParameters.ContainsKey(nameof(FaceVersion)) ? FaceVersion : (int?)null,
            };

            try
            {
                DeviceEmulator emulator = Run(ct => DeviceEmulator.StartAsync(options, ct));
                var info = new ZkEmulatorInfo(State.NextEmulatorId(), emulator);
                State.Add(info);
                WriteVerbose($"Emulator {info.Id} ({Profile}, {Users} users) listening on {info.Device}.");
                WriteObject(info);
            }
            catch (Exception exception) when (!(exception is RuntimeException))
            {
                ThrowIfStopping(exception);
                WriteError(new ErrorRecord(exception, ErrorIds.EmulatorFailed, ErrorCategory.OpenError, options.Profile));
            }
        }
    }
}
