using System;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Sets a device's clock to a given time, or (-Sync) to this computer's local time.</summary>
    [Cmdlet(
        VerbsCommon.Set,
        "ZkDeviceTime",
        SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = TimeSet
    )]
    [OutputType(typeof(ZkDeviceTime))]
    public sealed class SetZkDeviceTimeCommand : ZkDeviceCmdlet
    {
        private const string TimeSet = "Time";
        private const string SyncSet = "Sync";

        [Parameter(ParameterSetName = TimeSet, Mandatory = true, Position = 0)]
        public DateTime Time { get; set; }

        /// <summary>Use this computer's local time, read at the moment each device is set.</summary>
        [Parameter(ParameterSetName = SyncSet, Mandatory = true)]
        public SwitchParameter Sync { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessSession(ZkSession session)
        {
            DateTime time = Sync ? DateTime.Now : Time;
            if (!ShouldProcess(session.Device, $"Set device time to {time:yyyy-MM-dd HH:mm:ss}")) return;
            Run(ct => session.Client.SetTimeAsync(time, ct));
            if (PassThru)
            {
                DateTime now = Run(ct => session.Client.GetTimeAsync(ct));
                WriteObject(new ZkDeviceTime(now, DateTime.Now, session));
            }
        }
    }
}
