namespace ZkSync.Emulator.Core.Device
{
    /// <summary>One fingerprint template: owner uid, finger 0-9, flag (1 valid, 3 duress) and the template
    /// bytes.</summary>
    public sealed class StoredTemplate
    {
        public StoredTemplate(ushort uid, byte finger, byte flag, byte[] data)
        {
            Uid = uid;
            Finger = finger;
            Flag = flag;
            Data = data;
        }

        public ushort Uid { get; }
        public byte Finger { get; }
        public byte Flag { get; }
        public byte[] Data { get; }

        internal int Key => Uid * 16 + Finger;
    }
}
