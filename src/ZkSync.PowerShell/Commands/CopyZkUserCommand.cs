using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Copies users with their fingerprints, face templates and photo to other devices.</summary>
    [Cmdlet(VerbsCommon.Copy, "ZkUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ZkCopyResult))]
    public sealed class CopyZkUserCommand : CopyZkCmdlet
    {
        /// <summary>What to copy with each user; all of it by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public ZkCopyItem[] Include { get; set; } = ZkCopyItems.All;

        /// <summary>
        /// Cut names and passwords too long for a destination (said in Notes) instead of failing the user, as
        /// Sync-ZkDevice -AllowTruncation. A destination connected with -AllowTruncation cuts them without it.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowTruncation { get; set; }

        internal override bool AllowsTruncation => AllowTruncation;

        protected override IReadOnlyCollection<ZkCopyItem> Items => Include.Distinct().ToArray();

        protected override string Action
        {
            get
            {
                var parts = new List<string>();
                if (Include.Contains(ZkCopyItem.Users)) parts.Add("user");
                if (Include.Contains(ZkCopyItem.Fingerprints)) parts.Add("fingerprints");
                if (Include.Contains(ZkCopyItem.Faces)) parts.Add("face templates");
                if (Include.Contains(ZkCopyItem.Photos)) parts.Add("photo");
                return "Copy " + string.Join(", ", parts);
            }
        }
    }
}
