using System.Text;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>What shapes a user on a given device: record layout, PIN width, text encoding, biometric
    /// versions.</summary>
    public sealed class DestinationProfile
    {
        public DestinationProfile(
            string name,
            ZkCapabilities capabilities,
            Encoding encoding,
            bool allowsTruncation = false
        )
        {
            Name = name;
            Capabilities = capabilities;
            Encoding = encoding;
            AllowsTruncation = allowsTruncation;
        }

        /// <summary>
        /// The profile of a destination; a live session opened with <see cref="TruncationMode.Truncate"/> allows
        /// truncation on its own, so a sync cuts long names for it as it would for a direct write.
        /// </summary>
        public static DestinationProfile Of(ISyncDevice device) =>
            new DestinationProfile(
                device.Name,
                device.Capabilities,
                device.TextEncoding,
                device is ZkClientSyncDevice live && live.Client.Options.Truncation == TruncationMode.Truncate
            );

        public string Name { get; }
        public ZkCapabilities Capabilities { get; }
        public Encoding Encoding { get; }

        /// <summary>Names and passwords too long for this device are cut to fit rather than failing the user.</summary>
        public bool AllowsTruncation { get; }

        public UserRecordFormat Format => Capabilities.UserFormat;
        public int NameWidth => UserRecordCodec.NameWidth(Format);
        public int PasswordWidth => UserRecordCodec.PasswordWidth(Format);
        public int TimeZonesWidth => UserRecordCodec.TimeZonesWidth(Format);
    }
}
