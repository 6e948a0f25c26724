using System.Text;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync
{
    /// <summary>What shapes a user on a given device: record layout, PIN width, text encoding, biometric versions.</summary>
    public sealed class DestinationProfile
    {
        public DestinationProfile(string name, ZkCapabilities capabilities, Encoding encoding)
        {
            Name = name;
            Capabilities = capabilities;
            Encoding = encoding;
        }

        public static DestinationProfile Of(ISyncDevice device) => new DestinationProfile(device.Name, device.Capabilities, device.TextEncoding);

        public string Name { get; }
        public ZkCapabilities Capabilities { get; }
        public Encoding Encoding { get; }

        public UserRecordFormat Format => Capabilities.UserFormat;
        public int NameWidth => UserRecordCodec.NameWidth(Format);
        public int PasswordWidth => UserRecordCodec.PasswordWidth(Format);
    }
}
