using System.Management.Automation;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>A device-level cmdlet: sessions may be piped in directly (Get-ZkSession | Get-ZkDeviceInfo).</summary>
    public abstract class ZkDeviceCmdlet : ZkSessionCmdlet
    {
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public ZkSession? Session { get; set; }

        protected override ZkSession? SessionArgument => Session;
    }
}
