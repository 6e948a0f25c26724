using System.Management.Automation;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>
    /// Reads or acts on one device per record: -Session, a piped session (Get-ZkSession | Get-ZkDeviceInfo) or the
    /// Session property of a piped object; the runspace's current session otherwise.
    /// </summary>
    public abstract class ZkDeviceCmdlet : ZkCmdlet
    {
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public ZkSession? Session { get; set; }

        protected sealed override void ProcessRecord() => WithSession(Session, ProcessSession);

        protected abstract void ProcessSession(ZkSession session);
    }
}
