using System.Collections.Generic;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Sync;

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
        [ValidateSet(nameof(SyncDataKinds.Users), nameof(SyncDataKinds.Fingerprints), nameof(SyncDataKinds.Faces),
            nameof(SyncDataKinds.Photos))]
        public SyncDataKinds[] Include { get; set; } = DataKinds.All;

        /// <summary>
        /// Cut names and passwords too long for a destination (said in Notes) instead of failing the user, as
        /// Sync-ZkDevice -AllowTruncation. A destination connected with -AllowTruncation cuts them without it.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowTruncation { get; set; }

        internal override bool AllowsTruncation => AllowTruncation;

        protected override SyncDataKinds Kinds => Include.ToKinds();

        protected override string Action
        {
            get
            {
                var parts = new List<string>();
                if (Kinds.Has(SyncDataKinds.Users)) parts.Add("user");
                if (Kinds.Has(SyncDataKinds.Fingerprints)) parts.Add("fingerprints");
                if (Kinds.Has(SyncDataKinds.Faces)) parts.Add("face templates");
                if (Kinds.Has(SyncDataKinds.Photos)) parts.Add("photo");
                return "Copy " + string.Join(", ", parts);
            }
        }
    }
}
