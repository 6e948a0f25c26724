using System;
using System.Collections.Generic;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.PowerShell.Sessions;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Closes sessions (the current one when nothing is named) and forgets them.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ZkDevice", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(void))]
    public sealed class DisconnectZkDeviceCommand : ZkCmdlet
    {
        private const string SessionSet = "Session";
        private const string IdSet = "Id";
        private const string AllSet = "All";

        [Parameter(ParameterSetName = SessionSet, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ZkSession[]? Session { get; set; }

        [Parameter(ParameterSetName = IdSet, Mandatory = true)]
        public int[] Id { get; set; } = Array.Empty<int>();

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            foreach (ZkSession session in Selected())
            {
                WriteVerbose($"Closing session {session.Id} to {session.Device}.");
                SessionCloser.Close(session, TimeSpan.FromSeconds(5));
                State.Remove(session);
            }
        }

        private IEnumerable<ZkSession> Selected()
        {
            switch (ParameterSetName)
            {
                case AllSet:
                    return State.Sessions();
                case IdSet:
                    return SessionsById.Find(this, Id);
                default:
                    if (Session != null) return Session;
                    if (State.Current == null) ThrowTerminatingError(ErrorFactory.NoSession());
                    return new[] { State.Current! };
            }
        }
    }
}
