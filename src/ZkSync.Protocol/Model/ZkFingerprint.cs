using System;

namespace ZkSync.Protocol.Model
{
    /// <summary>One fingerprint template of one finger.</summary>
    public sealed class ZkFingerprint
    {
        public ZkFingerprint(ushort uid, byte fingerIndex, byte flag, byte[] template)
        {
            Uid = uid;
            FingerIndex = fingerIndex;
            Flag = flag;
            Template = template ?? throw new ArgumentNullException(nameof(template));
        }

        /// <summary>Internal uid of the owner on the device it was read from.</summary>
        public ushort Uid { get; }

        /// <summary>User id of the owner, filled in by the client from the user table (empty if unknown).</summary>
        public string UserId { get; set; } = "";

        /// <summary>Finger 0-9.</summary>
        public byte FingerIndex { get; }

        /// <summary>0 invalid, 1 valid, 3 duress (bit 1).</summary>
        public byte Flag { get; }

        public bool IsDuress => (Flag & 2) != 0;

        /// <summary>The flag as firmware stores it: 0 becomes 1 (valid), anything else keeps its low two
        /// bits.</summary>
        public byte StoredFlag => Flag == 0 ? (byte)1 : (byte)(Flag & 3);

        public byte[] Template { get; }

        public override string ToString() => $"{UserId} finger {FingerIndex} ({Template.Length} B)";
    }
}
