using System;
using System.Linq;
using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Connection;

namespace ZkSync.Bench
{
    /// <summary>
    /// What the seeded source holds, read once before the timed scenarios (its traffic is not counted): the sizes of
    /// its bulk tables and of the batch upload that carries its users and templates, which the floors need.
    /// </summary>
    internal sealed record DeviceCensus(
        int Users,
        int Templates,
        long UserTableBytes,
        long TemplateTableBytes,
        int UsersWithFaces,
        long BatchUploadBytes
    )
    {
        /// <summary>Firmware's largest upload buffer (emulator MaxUploadBytes): users and templates need at least this
        /// many uploads.</summary>
        public const long MaxUploadBytes = 16 * 1024 * 1024;

        /// <summary>Both bulk tables of a device holding what this census counted.</summary>
        public LinkWork ReadTables(LinkWork work) =>
            work.ReadTable(UserTableBytes, Emulator.Core.BulkTable.Users, Users)
                .ReadTable(TemplateTableBytes, Emulator.Core.BulkTable.Templates, Templates);

        public int MinUserUploads => (int)Math.Max(1, (BatchUploadBytes + MaxUploadBytes - 1) / MaxUploadBytes);

        public static async Task<DeviceCensus> ReadAsync(ZkConnectionOptions device)
        {
            using var client = await ZkDeviceClient.ConnectAsync(device).ConfigureAwait(false);
            var counts = await client.GetCountsAsync().ConfigureAwait(false);
            var users = await client.GetUsersAsync().ConfigureAwait(false);
            var fingers = await client.GetFingerprintsAsync().ConfigureAwait(false);
            int record = (int)client.Capabilities.UserFormat;
            var lengths = fingers.Select(f => f.Template.Length).ToList();
            var census = new DeviceCensus(
                users.Count,
                fingers.Count,
                4L + (long)record * users.Count,
                4L + lengths.Sum(l => (long)FingerprintTableCodec.RecordHeaderSize + l),
                counts.UsersWithFaces,
                BatchUploadCodec.SizeOf(record, users.Count, lengths));
            await client.CloseAsync().ConfigureAwait(false);
            return census;
        }
    }
}
