using System.Text;
using Xunit;
using ZkSync.Protocol.Model;
using ZkSync.Sync.Backup;

namespace ZkSync.Sync.Tests
{
    /// <summary>The device entry of a backup keeps reading after the transport kind became an enum.</summary>
    public class BackupDeviceInfoTests
    {
        [Theory]
        [InlineData("tcp", ZkTransportKind.Tcp)] // written by versions that kept the transport as text
        [InlineData("udp", ZkTransportKind.Udp)]
        [InlineData("Udp", ZkTransportKind.Udp)]
        public void A_device_entry_reads_the_transport_by_name(string written, ZkTransportKind expected)
        {
            var json = Encoding.UTF8.GetBytes("{\"endpoint\":\"10.0.0.5:4370\",\"transport\":\"" + written + "\"}");
            var info = BackupJson.Deserialize<ZkDeviceInfo>(json, "device.json", "test.zkb");
            Assert.Equal(expected, info.Transport);
        }

        [Fact]
        public void A_device_entry_writes_the_transport_as_its_name()
        {
            string json = Encoding.UTF8.GetString(
                BackupJson.Serialize(new ZkDeviceInfo { Transport = ZkTransportKind.Udp })
            );
            Assert.Contains("\"transport\":\"Udp\"", json);
        }
    }
}
