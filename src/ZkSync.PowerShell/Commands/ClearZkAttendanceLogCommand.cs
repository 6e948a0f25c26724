using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Deletes every attendance record on the device (read them first with Get-ZkAttendanceLog).</summary>
    [Cmdlet(VerbsCommon.Clear, "ZkAttendanceLog", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class ClearZkAttendanceLogCommand : ZkDeviceCmdlet
    {
        protected override void ProcessSession(ZkSession session)
        {
            if (ShouldProcess($"attendance log on {session.Device}", "Clear all attendance records"))
                Run(ct => session.Client.ClearAttendanceAsync(ct));
        }
    }
}
