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

    /// <summary>Payloads of the bulk-read commands 1503 and 1504 and the 1503 announcement (docs/protocol.md §4).</summary>
    public static class BulkPayloads
    {
        public const int PrepareRequestSize = 11;
        public const int AnnouncementSize = 13;

        /// <summary>Replies of at most this many bytes come inline as one CMD_DATA.</summary>
        public const int InlineLimit = 1024;

        public static byte[] PrepareRequest(BulkReadTarget target)
        {
            var p = new byte[PrepareRequestSize];
            p[0] = 1; // compression requested; firmware ignores it and never compresses
            LittleEndian.Put(p, 1, target.InnerCommand);
            LittleEndian.Put(p, 3, target.Parameter);
            return p;
        }

        public static BulkReadTarget DecodePrepareRequest(byte[] p)
        {
            if (p.Length != PrepareRequestSize) throw new ZkMalformedReplyException($"Bulk-read request is {p.Length} bytes; firmware takes exactly {PrepareRequestSize}.");
            return new BulkReadTarget(LittleEndian.U16(p, 1), LittleEndian.U32(p, 3));
        }

        /// <summary>The 13-byte CMD_ACK_OK payload announcing a buffer: flag 0, size, size again, hash.</summary>
        public static byte[] Announcement(int size, uint hash)
        {
            var p = new byte[AnnouncementSize];
            LittleEndian.Put(p, 1, (uint)size);
            LittleEndian.Put(p, 5, (uint)size);
            LittleEndian.Put(p, 9, hash);
            return p;
        }

        public static void DecodeAnnouncement(byte[] p, out int size, out uint hash)
        {
            if (p.Length < 9) throw new ZkMalformedReplyException($"Bulk-read announcement of {p.Length} bytes is too short.");
            uint s = LittleEndian.U32(p, 1);
            if (s > int.MaxValue) throw new ZkMalformedReplyException($"Bulk-read announcement claims {s} bytes.");
            size = (int)s;
            hash = p.Length >= AnnouncementSize ? LittleEndian.U32(p, 9) : 0;
        }

        public static byte[] ReadChunkRequest(int offset, int length)
        {
            var p = new byte[8];
            LittleEndian.Put(p, 0, (uint)offset);
            LittleEndian.Put(p, 4, (uint)length);
            return p;
        }

        /// <summary>CMD_PREPARE_DATA payload: total size, then (device to client only) the largest chunk it will send.</summary>
        public static byte[] PrepareData(int total, int? maxChunk = null)
        {
            var p = new byte[maxChunk.HasValue ? 8 : 4];
            LittleEndian.Put(p, 0, (uint)total);
            if (maxChunk.HasValue) LittleEndian.Put(p, 4, (uint)maxChunk.Value);
            return p;
        }
    }
}
