using System;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core
{
    /// <summary>
    /// Device time per request of a real ZMM220_TFT (face algorithm 7, firmware 6.60 family), fitted to the medians of
    /// public field logs of an admin's pyzk + fpmachine sync between two such terminals (2025-09): whole-table reads,
    /// set_user alone, one user with k fingerprints the pyzk way on a ~50-user and a ~260-user terminal. The logs
    /// cannot tell whether the cost is per request or per record stored, so there are two readings, both within ±25 %
    /// of every median (bench/README.md "Device timing model" has the table, DeviceTimingModelTests checks it). Shared
    /// by both readings: queries 20 ms; a bulk read 0.2 s + 1.2 ms per user or 5.2 ms per template; a face or photo
    /// read 0.1 s. Growth with what the device holds stops at <see cref="GrowthCapUsers"/> users: a 1,129-user run onto
    /// a 161-user terminal took ~1.06 s per user, no more than one user's write at ~300 users.
    /// </summary>
    public static class DeviceTimingModel
    {
        public const double QuerySeconds = 0.02;
        public const double BulkReadSeconds = 0.2;
        public const double PerUserReadSeconds = 0.0012;
        public const double PerTemplateReadSeconds = 0.0052;
        public const double MediaReadSeconds = 0.1;
        public const int GrowthCapUsers = 300;
        public const int GrowthCapTemplates = 450;

        // Requests reading: a state-changing request 80 ms + 0.3 ms per user held; a CMD_DATA packet 80 ms more.
        public const double RequestSeconds = 0.08;
        public const double RequestPerUserHeldSeconds = 0.0003;
        public const double DataPacketExtraSeconds = 0.08;

        // Records reading: buffer requests 10 ms; a storing command 85 ms + 0.3 ms per user held + 0.2 s per record
        // stored; CMD_REFRESHDATA 0.2 s + 1 ms per template held (the matcher reloads what is stored).
        public const double BufferSeconds = 0.01;
        public const double StoreSeconds = 0.085;
        public const double StorePerUserHeldSeconds = 0.0003;
        public const double PerRecordStoredSeconds = 0.2;
        public const double RefreshSeconds = 0.2;
        public const double RefreshPerTemplateHeldSeconds = 0.001;

        /// <summary>Device seconds <paramref name="work"/> costs under <paramref name="mode"/> (0 under
        /// None).</summary>
        public static double CostSeconds(DeviceTimingMode mode, DeviceWork work)
        {
            if (mode == DeviceTimingMode.None)
                return 0;
            int users = Math.Min(work.UsersHeld, GrowthCapUsers),
                templates = Math.Min(work.TemplatesHeld, GrowthCapTemplates);
            switch (Classify(work.Command))
            {
                case Kind.Query:
                    return QuerySeconds;
                case Kind.BulkRead:
                    return BulkReadSeconds + work.TableRecords * (work.Table == BulkTable.Users ? PerUserReadSeconds
                        : work.Table == BulkTable.Templates ? PerTemplateReadSeconds : 0);
                case Kind.MediaRead:
                    return MediaReadSeconds;
            }
            double request = RequestSeconds + RequestPerUserHeldSeconds * users;
            if (mode == DeviceTimingMode.Requests)
                return work.Command == CommandCode.Data ? request + DataPacketExtraSeconds : request;
            switch (Classify(work.Command))
            {
                case Kind.Buffer:
                    return BufferSeconds;
                case Kind.Store:
                    return StoreSeconds + StorePerUserHeldSeconds * users + PerRecordStoredSeconds * work.RecordsStored;
                case Kind.Refresh:
                    return RefreshSeconds + RefreshPerTemplateHeldSeconds * templates;
                default:
                    return QuerySeconds; // enable, disable, options written, time set: state flags, no storage
            }
        }

        private enum Kind
        {
            Query,
            BulkRead,
            MediaRead,
            Buffer,
            Store,
            Refresh,
            Other,
        }

        private static Kind Classify(ushort command)
        {
            switch (command)
            {
                case CommandCode.PrepareBuffer:
                    return Kind.BulkRead;
                case CommandCode.UserFaceRead:
                case CommandCode.UserPhotoRead:
                case CommandCode.UserTemplateExRead:
                case CommandCode.ReadFile:
                    return Kind.MediaRead;
                case CommandCode.PrepareData:
                case CommandCode.Data:
                case CommandCode.FreeData:
                case CommandCode.HashData:
                    return Kind.Buffer;
                case CommandCode.UserWrite:
                case CommandCode.ApplyUploadBuffer:
                case CommandCode.UserTemplateExWrite:
                case CommandCode.UserFaceWrite:
                case CommandCode.UserPhotoWrite:
                case CommandCode.DeleteUser:
                case CommandCode.DeleteUserTemplate:
                case CommandCode.UserFaceDelete:
                case CommandCode.UserPhotoDelete:
                case CommandCode.SsrDeleteUser:
                case CommandCode.SsrDeleteUserTemplate:
                    return Kind.Store;
                case CommandCode.RefreshData:
                    return Kind.Refresh;
                case CommandCode.EnableDevice:
                case CommandCode.DisableDevice:
                case CommandCode.OptionsWrite:
                case CommandCode.SetTime:
                case CommandCode.ClearData:
                case CommandCode.ClearAttLog:
                    return Kind.Other;
                default:
                    return Kind.Query; // connect, exit, options, sizes, time, 1504 chunks, ...
            }
        }
    }
}
