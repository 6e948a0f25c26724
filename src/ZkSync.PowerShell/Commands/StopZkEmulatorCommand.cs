using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Stops emulators started in this runspace (all of them with -All).</summary>
    [Cmdlet(
        VerbsLifecycle.Stop,
        "ZkEmulator",
        SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Low,
        DefaultParameterSetName = InputSet
    )]
    [OutputType(typeof(void))]
    public sealed class StopZkEmulatorCommand : ZkCmdlet
    {
        private const string InputSet = "InputObject";
        private const string IdSet = "Id";
        private const string AllSet = "All";

        [Parameter(ParameterSetName = InputSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ZkEmulatorInfo[] InputObject { get; set; } = Array.Empty<ZkEmulatorInfo>();

        [Parameter(ParameterSetName = IdSet, Mandatory = true)]
        public int[] Id { get; set; } = Array.Empty<int>();

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ZkEmulatorInfo emulator in Selected())
            {
                if (!ShouldProcess(emulator.Device, "Stop emulator"))
                    continue;
                try
                {
                    TryItem(
                        emulator,
                        () => emulator.Stop(TimeSpan.FromSeconds(10)),
                        exception => new ErrorRecord(
                            exception,
                            ErrorIds.EmulatorFailed,
                            ErrorCategory.CloseError,
                            emulator
                        )
                    );
                }
                finally
                {
                    State.Remove(emulator);
                }
            }
        }

        private IEnumerable<ZkEmulatorInfo> Selected()
        {
            if (ParameterSetName == AllSet) return State.Emulators();
            if (ParameterSetName == InputSet) return InputObject;
            ZkEmulatorInfo[] running = State.Emulators();
            var found = new List<ZkEmulatorInfo>();
            foreach (int id in Id)
            {
                ZkEmulatorInfo? emulator = running.FirstOrDefault(e => e.Id == id);
                if (emulator != null)
                    found.Add(emulator);
                else
                    WriteError(
                        ErrorFactory.Create(
                            ErrorIds.EmulatorNotFound,
                            ErrorCategory.ObjectNotFound,
                            $"No emulator with id {id} in this runspace.",
                            id
                        )
                    );
            }

            return found;
        }
    }
}
