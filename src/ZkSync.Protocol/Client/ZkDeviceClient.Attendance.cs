using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Client
{
    public sealed partial class ZkDeviceClient
    {
        /// <summary>
        /// All attendance records in one bulk read. Record size (8, 16 or 40 bytes) comes from the record count;
        /// the side of uid/user id a record lacks is filled in from the user table.
        /// </summary>
        public async Task<IReadOnlyList<ZkAttendanceRecord>> GetAttendanceAsync(
            CancellationToken cancellationToken = default
        )
        {
            var counts = await GetCountsAsync(cancellationToken).ConfigureAwait(false);
            if (counts.Records == 0)
                return new List<ZkAttendanceRecord>();
            var buffer = await ReadTableAsync(BulkReadTarget.Attendance, "attendance log", cancellationToken)
                .ConfigureAwait(false);
            if (buffer == null)
                return new List<ZkAttendanceRecord>();
            var records = Decode(CommandCode.ReadBuffer, () => AttendanceCodec.DecodeTable(buffer, counts.Records));
            if (records.Any(r => r.UserId.Length == 0 || r.Uid == 0))
            {
                var table = await EnsureUserTableAsync(cancellationToken).ConfigureAwait(false);
                foreach (var r in records)
                {
                    if (r.UserId.Length == 0) r.UserId = table.UserIdOf(r.Uid) ?? "";
                    else if (r.Uid == 0 && table.TryGetByUserId(r.UserId, out var u)) r.Uid = u.Uid;
                }
            }
            return records;
        }

        public Task ClearAttendanceAsync(CancellationToken cancellationToken = default) =>
            RequestOkAsync(
                CommandCode.ClearAttLog,
                null,
                "Clearing the attendance log",
                RetrySafety.Once,
                cancellationToken
            );
    }
}
