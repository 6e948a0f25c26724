using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Reads fingerprint templates (one bulk read per device), optionally only some users' or
    /// fingers'.</summary>
    [Cmdlet(VerbsCommon.Get, "ZkFingerprint")]
    [OutputType(typeof(ZkFingerprintInfo))]
    public sealed class GetZkFingerprintCommand : ZkDeviceCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        [Parameter]
        [ValidateRange(0, 9)]
        public int[]? FingerIndex { get; set; }

        protected override void ProcessSession(ZkSession session)
        {
            IReadOnlyList<ZkFingerprint> prints = Cached(session, CacheKeys.Fingerprints, ct =>
                session.Client.GetFingerprintsAsync(ct)
            );
            IEnumerable<ZkFingerprint> selected = prints;
            if (UserId != null)
                selected = selected.Where(p => UserId.Contains(p.UserId));
            if (FingerIndex != null)
                selected = selected.Where(p => FingerIndex.Contains(p.FingerIndex));
            foreach (ZkFingerprint print in selected)
                WriteObject(new ZkFingerprintInfo(print, session));
        }
    }
}
