using ZkSync.Emulator.Core.Device;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>
    /// Recognises a fingerprint template of the other algorithm. ZKFinger 10 templates carry ASCII "SS21" at bytes 2-5
    /// (both real templates captured in fananimi/pyzk test.py do); a ZKFinger 9 device cannot match them, and firmware
    /// drops them (pyzk issue 182: templates of different algorithm versions are not interchangeable). ZKFinger 9
    /// templates have no signature, so the other direction is only caught by size.
    /// </summary>
    internal static class TemplateAlgorithm
    {
        /// <summary>Why the template does not fit this device's algorithm, or null when it may.</summary>
        public static string? Mismatch(DeviceProfile profile, byte[] template) =>
            profile.FingerprintVersion == 9 && IsZkFinger10(template)
                ? "a ZKFinger 10 template (\"SS21\") on a ZKFinger 9 device"
                : null;

        public static bool IsZkFinger10(byte[] template) =>
            template.Length >= 6
            && template[2] == (byte)'S'
            && template[3] == (byte)'S'
            && template[4] == (byte)'2'
            && template[5] == (byte)'1';
    }
}
