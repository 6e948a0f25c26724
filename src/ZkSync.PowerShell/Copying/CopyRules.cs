using System.Collections.Generic;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Copying
{
    /// <summary>
    /// Which parts may go from one device to another. Templates are algorithm-specific: a ZKFinger 10 template means
    /// nothing to a ZKFinger 9 matcher (same for face algorithms), so such copies are refused, never attempted.
    /// </summary>
    internal sealed class CopyRules
    {
        private CopyRules() { }

        public bool Users { get; private set; }
        public bool Fingerprints { get; private set; }
        public bool Faces { get; private set; }
        public bool Photos { get; private set; }

        /// <summary>Parts that were asked for but cannot be copied, with the reason (one per part).</summary>
        public List<PartOutcome> Refusals { get; } = new List<PartOutcome>();

        public static CopyRules For(ZkCapabilities source, ZkCapabilities destination, ICollection<ZkCopyItem> include)
        {
            var rules = new CopyRules { Users = include.Contains(ZkCopyItem.Users) };

            if (include.Contains(ZkCopyItem.Fingerprints))
            {
                if (source.FingerprintAlgorithm == destination.FingerprintAlgorithm) rules.Fingerprints = true;
                else rules.Refusals.Add(PartOutcome.Skipped(
                    $"Fingerprints not copied: source uses fingerprint algorithm {source.FingerprintAlgorithm}, destination {destination.FingerprintAlgorithm}; templates are not compatible"));
            }

            if (include.Contains(ZkCopyItem.Faces))
            {
                if (!source.FaceSupported) rules.Refusals.Add(PartOutcome.Nothing("Source has no face templates (no face support)"));
                else if (!destination.FaceSupported) rules.Refusals.Add(PartOutcome.Skipped("Face templates not copied: destination has no face support"));
                else if (source.FaceAlgorithm != destination.FaceAlgorithm) rules.Refusals.Add(PartOutcome.Skipped(
                    $"Face templates not copied: source uses face algorithm {source.FaceAlgorithm}, destination {destination.FaceAlgorithm}; templates are not compatible"));
                else rules.Faces = true;
            }

            if (include.Contains(ZkCopyItem.Photos))
            {
                if (!source.PhotoSupported) rules.Refusals.Add(PartOutcome.Nothing("Source has no user photos (no photo support)"));
                else if (!destination.PhotoSupported) rules.Refusals.Add(PartOutcome.Skipped("Photo not copied: destination has no photo support"));
                else rules.Photos = true;
            }

            return rules;
        }
    }
}
