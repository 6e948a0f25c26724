namespace ZkSync.Emulator
{
    /// <summary>Which transports the emulator serves.</summary>
    public enum EmulatorTransport
    {
        Tcp,
        Udp,
        Both,
    }

    /// <summary>How the emulator is started. CONTRACT SKELETON (issue 2): fields may grow; names stay.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>Port on 127.0.0.1; 0 lets the OS choose (TCP and UDP then share the chosen number).</summary>
        public int Port { get; set; }

        public EmulatorTransport Transport { get; set; } = EmulatorTransport.Both;

        public uint CommKey { get; set; }

        /// <summary>tft (72-byte users, ZKFinger 10), bw (28-byte users, numeric PINs), face (tft + ZKFace 7 + ZMM photos).</summary>
        public string Profile { get; set; } = "tft";

        /// <summary>Seeded users (deterministic from <see cref="Seed"/>).</summary>
        public int Users { get; set; }

        public int Seed { get; set; } = 1;

        /// <summary>JSON state file: loaded at start when it exists, saved on stop.</summary>
        public string? StatePath { get; set; }
    }
}
