using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// CMD_GET_FREE_SIZES reply (fp-firmware flashdb.c FDB_GetSizes / TFSizes): 20 i32, or 23 on face firmware. Index:
    /// 4 users, 6 templates, 8 attendance, 10 operation log, 12 admins, 13 passwords, 14/15/16 template, user and
    /// record capacity, 17/18/19 templates, users and records free, 20 users with faces, 21 unused, 22 face capacity.
    /// </summary>
    public static class DeviceFreeSizes
    {
        public static byte[] Write(ZkDeviceCounts c)
        {
            var values = new int[c.HasFaceFields ? 23 : 20];
            values[4] = c.Users;
            values[6] = c.Fingerprints;
            values[8] = c.Records;
            values[10] = c.OpLogs;
            values[12] = c.Admins;
            values[13] = c.Passwords;
            values[14] = c.FingerprintCapacity;
            values[15] = c.UserCapacity;
            values[16] = c.RecordCapacity;
            values[17] = c.FingerprintsFree;
            values[18] = c.UsersFree;
            values[19] = c.RecordsFree;
            if (c.HasFaceFields)
            {
                values[20] = c.UsersWithFaces;
                values[22] = c.FaceCapacity;
            }
            var b = new byte[values.Length * 4];
            for (int i = 0; i < values.Length; i++) WireBytes.PutU32(b, i * 4, unchecked((uint)values[i]));
            return b;
        }
    }
}
