using ZkSync.Protocol.Model;

namespace ZkSync.Sync.Tests.Fakes
{
    /// <summary>Capabilities of the three emulator profiles.</summary>
    public static class Profiles
    {
        public static ZkCapabilities Face() =>
            new ZkCapabilities
            {
                UserFormat = UserRecordFormat.Extended72,
                PinWidth = 14,
                FingerprintAlgorithm = 10,
                FaceSupported = true,
                FaceAlgorithm = 7,
                PhotoFamily = PhotoCommandFamily.Zmm,
                MaxPhotoBytes = 30 * 1024,
            };

        public static ZkCapabilities Tft() =>
            new ZkCapabilities
            {
                UserFormat = UserRecordFormat.Extended72,
                PinWidth = 9,
                FingerprintAlgorithm = 10,
                PhotoFamily = PhotoCommandFamily.None,
            };

        public static ZkCapabilities Bw() =>
            new ZkCapabilities
            {
                UserFormat = UserRecordFormat.Compact28,
                PinWidth = 9,
                FingerprintAlgorithm = 9,
                PhotoFamily = PhotoCommandFamily.None,
            };
    }
}
