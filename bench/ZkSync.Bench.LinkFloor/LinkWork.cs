using System;
using System.Collections.Generic;
using System.Linq;

namespace ZkSync.Bench.LinkFloor
{
    /// <summary>
    /// The least protocol work a job needs on one device link, counted in round trips (bench/README.md, "Unavoidable
    /// round trips"): the session's CONNECT; per bulk table read the 1503 request plus one 1504 per 65,472-byte chunk;
    /// one request per per-user read (faces 150, photo 10010: the reply streams); per upload 1500, one 1501 per
    /// 65,528-byte slice and the consuming command. Housekeeping a tool could in principle fold away (option and
    /// free-size reads, 1502 buffer release, 119 hash check, 1013 refresh, disable/enable, exit) is not counted.
    /// </summary>
    public sealed class LinkWork
    {
        public const int ReadChunk = 65472;
        public const int UploadSlice = 65528;

        private readonly List<long> _tables = new List<long>();

        public int Sessions { get; set; } = 1;
        public IReadOnlyList<long> TableReads => _tables;
        public int ItemReads { get; private set; }
        public int Uploads { get; private set; }
        public long UploadBytes { get; private set; }

        public LinkWork ReadTable(long bytes)
        {
            if (bytes > 0) _tables.Add(bytes);
            return this;
        }

        public LinkWork ReadItems(int count)
        {
            ItemReads += count;
            return this;
        }

        public LinkWork Upload(int count, long bytes)
        {
            Uploads += count;
            UploadBytes += bytes;
            return this;
        }

        public long UnavoidableRoundTrips =>
            Sessions
            + _tables.Sum(size => 1 + Ceil(size, ReadChunk))
            + ItemReads
            + 2L * Uploads + Math.Max(Uploads, Ceil(UploadBytes, UploadSlice));

        private static long Ceil(long a, long b) => (a + b - 1) / b;
    }
}
