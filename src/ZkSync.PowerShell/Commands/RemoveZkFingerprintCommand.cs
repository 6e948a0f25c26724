using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Deletes fingerprint templates of a user: the fingers given, or all of them.</summary>
    [Cmdlet(VerbsCommon.Remove, "ZkFingerprint", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveZkFingerprintCommand : ZkRemoveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = "";

        /// <summary>Fingers 0-9; all fingers of the user when omitted.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(0, 9)]
        public int[]? FingerIndex { get; set; }

        protected override void ProcessSession(ZkSession session)
        {
            ZkUser? user = RequireUser(session, UserId);
            if (user == null) return;

            string target = UserTarget(UserId, user.Name, session);
            if (FingerIndex == null)
            {
                if (!ShouldProcess(target, "Remove all fingerprints")) return;
                JournaledRemoval(session, UserId, () =>
                {
                    int removed = Run(ct => session.Client.DeleteFingerprintsAsync(UserId, ct));
                    WriteVerbose($"Removed {removed} fingerprint(s) of {target}.");
                });
                return;
            }

            foreach (int finger in FingerIndex)
            {
                if (!ShouldProcess(target, $"Remove fingerprint of finger {finger}")) continue;
                TryItem(UserId, () => JournaledRemoval(session, UserId, () =>
                {
                    if (!Run(ct => session.Client.DeleteFingerprintAsync(UserId, finger, ct)))
                        WriteVerbose($"{target} has no fingerprint for finger {finger}.");
                }));
            }
        }
    }
}
