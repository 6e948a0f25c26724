using System;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Reads a device's clock and how far it drifts from this computer's.</summary>
    [Cmdlet(VerbsCommon.Get, "ZkDeviceTime")]
    [OutputType(typeof(ZkDeviceTime))]
    public sealed class GetZkDeviceTimeCommand : ZkDeviceCmdlet
    {
        protected override void ProcessSession(ZkSession session)
        {
            DateTime time = Run(ct => session.Client.GetTimeAsync(ct));
            WriteObject(new ZkDeviceTime(time, DateTime.Now, session));
        }
    }
}
