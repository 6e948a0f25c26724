using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Locks the device's keypad and sensors (as bulk writes do) until Enable-ZkDevice.</summary>
    [Cmdlet(VerbsLifecycle.Disable, "ZkDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class DisableZkDeviceCommand : ZkDeviceCmdlet
    {
        protected override void ProcessSession(ZkSession session)
        {
            if (ShouldProcess(session.Device, "Disable the device (users cannot verify until it is enabled)"))
                Run(ct => session.Client.DisableAsync(ct));
        }
    }
}
