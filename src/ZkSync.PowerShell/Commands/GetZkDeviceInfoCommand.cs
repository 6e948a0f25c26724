using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Reads identity, firmware, capabilities, counts and capacities of a device.</summary>
    [Cmdlet(VerbsCommon.Get, "ZkDeviceInfo")]
    [OutputType(typeof(ZkDeviceDetails))]
    public sealed class GetZkDeviceInfoCommand : ZkDeviceCmdlet
    {
        protected override void ProcessSession(ZkSession session)
        {
            ZkDeviceInfo info = Run(ct => session.Client.GetDeviceInfoAsync(ct));
            WriteObject(new ZkDeviceDetails(info, session));
        }
    }
}
