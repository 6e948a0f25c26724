using System.Management.Automation;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>An item-level cmdlet: the session comes from -Session or from the Session property of a piped item.</summary>
    public abstract class ZkItemCmdlet : ZkSessionCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public ZkSession? Session { get; set; }

        protected override ZkSession? SessionArgument => Session;
    }
}
