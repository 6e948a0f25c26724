using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Framing;

namespace ZkSync.Bench.LinkFloor
{
    /// <summary>
    /// The least protocol work a job needs on one device link, counted in round trips (bench/README.md, "Unavoidable
    /// round trips"): the session's CONNECT; per bulk table read the 1503 request plus one 1504 per 65,472-byte chunk;
    /// one request per per-user read (faces 150, photo 10010: the reply streams); per upload 1500, one 1501 per
    /// 65,528-byte slice and the consuming command. Housekeeping a tool could in principle fold away (option and
    /// free-size reads, 1502 buffer release, 119 hash check, 1013 refresh, disable/enable, exit) is not counted.
    /// Under a device timing model those same requests cost their device time (<see cref="DeviceSeconds"/>).
    /// </summary>
    public sealed class LinkWork
    {
        public const int ReadChunk = 65472;
        public const int UploadSlice = 65528;

        private readonly List<(long Bytes, BulkTable Table, int Records)> _tables = new List<(long, BulkTable, int)>();

        public int Sessions { get; set; } = 1;
        public int ItemReads { get; private set; }
        public int Uploads { get; private set; }
        public long UploadBytes { get; private set; }

        /// <summary>Templates the user uploads store, face sets and photos the other uploads store (one
        /// each).</summary>
        public int TemplatesStored { get; private set; }
        public int MediaStored { get; private set; }

        /// <summary>Users on the device while its face sets and photos are written (they need their user
        /// first).</summary>
        public int UsersHeld { get; private set; }

        public LinkWork ReadTable(long bytes, BulkTable table = BulkTable.Other, int records = 0)
        {
            if (bytes > 0) _tables.Add((bytes, table, records));
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

        /// <summary>What the uploads store, for the device timing model's floor.</summary>
        public LinkWork Stores(int templates, int media, int usersHeld)
        {
            TemplatesStored = templates;
            MediaStored = media;
            UsersHeld = usersHeld;
            return this;
        }

        private long Slices => Math.Max(Uploads, Ceil(UploadBytes, UploadSlice));

        public long UnavoidableRoundTrips =>
            Sessions
            + _tables.Sum(t => 1 + Ceil(t.Bytes, ReadChunk))
            + ItemReads
            + 2L * Uploads + Slices;

        /// <summary>
        /// Device time of the unavoidable requests under <paramref name="mode"/>: each table's 1503 with its records
        /// and its 1504 chunks, the item reads, and per upload 1500, its slices and the consuming command with what it
        /// stores (user uploads onto the users held before them, here none; face and photo uploads with every user
        /// already there).
        /// </summary>
        public double DeviceSeconds(DeviceTimingMode mode)
        {
            if (mode == DeviceTimingMode.None)
                return 0;
            double Cost(DeviceWork w) => DeviceTimingModel.CostSeconds(mode, w);
            double seconds = _tables.Sum(t =>
                Cost(new DeviceWork(CommandCode.PrepareBuffer, 11, t.Table, t.Records))
                + Ceil(t.Bytes, ReadChunk) * Cost(new DeviceWork(CommandCode.ReadBuffer, 8))
            );
            seconds += ItemReads * Cost(new DeviceWork(CommandCode.UserFaceRead));
            int userUploads = Math.Max(0, Uploads - MediaStored);
            seconds += Uploads * Cost(new DeviceWork(CommandCode.PrepareData, 4, usersHeld: UsersHeld));
            seconds += Slices * Cost(new DeviceWork(CommandCode.Data, UploadSlice, usersHeld: UsersHeld));
            if (userUploads > 0)
            {
                int perUpload = TemplatesStored / userUploads;
                var upload = new DeviceWork(CommandCode.ApplyUploadBuffer, 8, recordsStored: perUpload);
                seconds += userUploads * Cost(upload);
            }
            seconds +=
                MediaStored
                * Cost(new DeviceWork(CommandCode.UserFaceWrite, 28, recordsStored: 1, usersHeld: UsersHeld));
            return seconds;
        }

        private static long Ceil(long a, long b) => (a + b - 1) / b;
    }
}
