using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Bulk
{
    /// <summary>What a bulk read (1503) asks for: an inner command and its parameter.</summary>
    public readonly struct BulkReadTarget
    {
        public BulkReadTarget(ushort innerCommand, uint parameter)
        {
            InnerCommand = innerCommand;
            Parameter = parameter;
        }

        public ushort InnerCommand { get; }
        public uint Parameter { get; }

        public static BulkReadTarget Users => new BulkReadTarget(CommandCode.UserTemplateRead, TableType.User);
        public static BulkReadTarget Fingerprints => new BulkReadTarget(CommandCode.DbRead, TableType.FingerTemplate);
        public static BulkReadTarget Attendance => new BulkReadTarget(CommandCode.AttLogRead, 0);

        public override string ToString() => $"inner {InnerCommand} parameter {Parameter}";
    }

    /// <summary>Payloads of the bulk-read commands 1503 and 1504 and the 1503 announcement (docs/protocol.md
    /// §4).</summary>
    public static class BulkPayloads
    {
        public const int PrepareRequestSize = 11;
        public const int AnnouncementSize = 13;

        /// <summary>Replies of at most this many bytes come inline as one CMD_DATA.</summary>
        public const int InlineLimit = 1024;

        public static byte[] PrepareRequest(BulkReadTarget target)
        {
            var payload = new byte[PrepareRequestSize];
            payload[0] = 1; // compression requested; firmware ignores it and never compresses
            LittleEndian.Put(payload, 1, target.InnerCommand);
            LittleEndian.Put(payload, 3, target.Parameter);
            return payload;
        }

        public static BulkReadTarget DecodePrepareRequest(byte[] payload)
        {
            if (payload.Length != PrepareRequestSize)
                throw new ZkMalformedReplyException(
                    $"Bulk-read request is {payload.Length} bytes; firmware takes exactly {PrepareRequestSize}."
                );
            return new BulkReadTarget(LittleEndian.U16(payload, 1), LittleEndian.U32(payload, 3));
        }

        /// <summary>The 13-byte CMD_ACK_OK payload announcing a buffer: flag 0, size, size again, hash.</summary>
        public static byte[] Announcement(int size, uint hash)
        {
            var payload = new byte[AnnouncementSize];
            LittleEndian.Put(payload, 1, (uint)size);
            LittleEndian.Put(payload, 5, (uint)size);
            LittleEndian.Put(payload, 9, hash);
            return payload;
        }

        public static void DecodeAnnouncement(byte[] payload, out int size, out uint hash)
        {
            if (payload.Length < 9)
                throw new ZkMalformedReplyException($"Bulk-read announcement of {payload.Length} bytes is too short.");
            uint announced = LittleEndian.U32(payload, 1);
            if (announced > int.MaxValue)
                throw new ZkMalformedReplyException($"Bulk-read announcement claims {announced} bytes.");
            size = (int)announced;
            hash = payload.Length >= AnnouncementSize ? LittleEndian.U32(payload, 9) : 0;
        }

        public static byte[] ReadChunkRequest(int offset, int length)
        {
            var payload = new byte[8];
            LittleEndian.Put(payload, 0, (uint)offset);
            LittleEndian.Put(payload, 4, (uint)length);
            return payload;
        }

        /// <summary>CMD_PREPARE_DATA payload: total size, then (device to client only) the largest chunk it will
        /// send.</summary>
        public static byte[] PrepareData(int total, int? maxChunk = null)
        {
            var payload = new byte[maxChunk.HasValue ? 8 : 4];
            LittleEndian.Put(payload, 0, (uint)total);
            if (maxChunk.HasValue) LittleEndian.Put(payload, 4, (uint)maxChunk.Value);
            return payload;
        }
    }
}
