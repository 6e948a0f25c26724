namespace ZkSync.Emulator.Core
{
    /// <summary>
    /// How much device time a request costs on top of the link model (<see cref="DeviceTimingModel"/>). The two
    /// readings of the field timings of a real ZMM220_TFT, which its logs cannot tell apart.
    /// </summary>
    public enum DeviceTimingMode
    {
        /// <summary>No device time: the emulator answers at loopback speed (tests).</summary>
        None,

        /// <summary>Request-bound: nearly every request costs ~0.1 s, storing is cheap.</summary>
        Requests,

        /// <summary>Record-bound: buffer requests are cheap, each stored template, face set or photo costs ~0.2 s, a
        /// refresh grows with the templates held.</summary>
        Records,
    }
}
