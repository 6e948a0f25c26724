using System.Management.Automation;

namespace ZkSync.PowerShell.Cmdlets
{
    /// <summary>The -Include (which kinds of data) and -UserId (which users, wildcards allowed) of Sync-, Import- and Compare-ZkDevice.</summary>
    public abstract class DataScopeCmdlet<TSource> : UserScopeCmdlet<TSource> where TSource : class
    {
        /// <summary>Which kinds of data, with each user; all of them by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public ZkCopyItem[] Include { get; set; } = ZkCopyItems.All;

        /// <summary>These user ids only (wildcards allowed); bound from piped users.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        protected override string[]? UserIdArgument => UserId;
    }
}
