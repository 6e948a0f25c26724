using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Sessions;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Lists this runspace's sessions (a snapshot, so it can be piped to Disconnect-ZkDevice).</summary>
    [Cmdlet(VerbsCommon.Get, "ZkSession", DefaultParameterSetName = IdSet)]
    [OutputType(typeof(ZkSession))]
    public sealed class GetZkSessionCommand : ZkCmdlet
    {
        private const string IdSet = "Id";
        private const string CurrentSet = "Current";

        [Parameter(ParameterSetName = IdSet, Position = 0)]
        public int[]? Id { get; set; }

        /// <summary>Only the session used when -Session is omitted.</summary>
        [Parameter(ParameterSetName = CurrentSet, Mandatory = true)]
        public SwitchParameter Current { get; set; }

        protected override void EndProcessing()
        {
            if (Current)
            {
                if (State.Current != null) WriteObject(State.Current);
                return;
            }

            if (Id == null) WriteObject(State.Sessions(), enumerateCollection: true);
            else foreach (ZkSession session in SessionsById.Find(this, Id)) WriteObject(session);
        }
    }
}
