using System.Management.Automation;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Changes an item of one device (Set-ZkUserPhoto): the session comes from -Session or from the Session property of
    /// a piped item; the runspace's current session otherwise.
    /// </summary>
    public abstract class ZkItemCmdlet : ZkCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public ZkSession? Session { get; set; }

        protected sealed override void ProcessRecord() => WithSession(Session, ProcessSession);

        protected abstract void ProcessSession(ZkSession session);
    }
}
