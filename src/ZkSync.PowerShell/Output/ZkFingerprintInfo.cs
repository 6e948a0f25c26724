using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell
{
    /// <summary>One finger's template on a device.</summary>
    public sealed class ZkFingerprintInfo : ZkSessionItem
    {
        internal ZkFingerprintInfo(ZkFingerprint fingerprint, ZkSession session)
            : base(session) => Fingerprint = fingerprint;

        public string UserId => Fingerprint.UserId;

        /// <summary>Finger 0-9.</summary>
        public int FingerIndex => Fingerprint.FingerIndex;

        public bool IsDuress => Fingerprint.IsDuress;
        public byte Flag => Fingerprint.Flag;

        /// <summary>Template size in bytes.</summary>
        public int Size => Fingerprint.Template.Length;

        /// <summary>The fingerprint algorithm version of the device (templates only copy between equal
        /// versions).</summary>
        public int Algorithm => Session.Capabilities.FingerprintAlgorithm;

        /// <summary>The template bytes, for backups.</summary>
        public byte[] Template => Fingerprint.Template;

        internal ZkFingerprint Fingerprint { get; }

        public override string ToString() => Fingerprint.ToString();
    }
}
