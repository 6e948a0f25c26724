using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Unlocks a device disabled by Disable-ZkDevice (or left disabled by an interrupted tool).</summary>
    [Cmdlet(VerbsLifecycle.Enable, "ZkDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class EnableZkDeviceCommand : ZkDeviceCmdlet
    {
        protected override void ProcessSession(ZkSession session)
        {
            if (ShouldProcess(session.Device, "Enable the device"))
                Run(ct => session.Client.EnableAsync(ct));
        }
    }
}
