using System;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Sessions;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Reboots a device. Its session ends with the reboot, so it is closed and removed.</summary>
    [Cmdlet(VerbsLifecycle.Restart, "ZkDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RestartZkDeviceCommand : ZkDeviceCmdlet
    {
        protected override void ProcessSession(ZkSession session)
        {
            if (!ShouldProcess(session.Device, "Restart the device"))
                return;
            Run(ct => session.Client.RestartAsync(ct));
            WriteVerbose(
                $"{session.Device} is restarting; session {session.Id} is closed. Connect again when it is back."
            );
            SessionCloser.Close(session, TimeSpan.FromSeconds(1));
            State.Remove(session);
        }
    }
}
