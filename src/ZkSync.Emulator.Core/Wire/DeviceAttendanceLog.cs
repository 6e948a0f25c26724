using System.Text;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// Attendance records as the device returns them in a 1503/13 read. 40 bytes, TFT (fp-firmware flashdb.h TAttLog;
    /// zk-protocol sections/data-record.md): u16 PIN @0, char[24] PIN2 @2, u8 verify @26, u32 packed time @27, u8 state
    /// @31, u32 work code @32, 4 reserved. 8 bytes, old black-and-white (pyzk zk/base.py get_attendance): u16 PIN @0,
    /// u8 verify @2, u32 time @3, u8 state @7.
    /// </summary>
    public static class DeviceAttendanceLog
    {
        public static byte[] WriteTft(ZkAttendanceRecord a)
        {
            var r = new byte[40];
            WireBytes.PutU16(r, 0, a.Uid);
            DeviceText.Write(a.UserId, r, 2, DeviceUserRecord.Pin2Width, Encoding.ASCII, false, "UserId");
            r[26] = a.VerifyMethod;
            WireBytes.PutU32(r, 27, DeviceClock.Pack(a.Timestamp));
            r[31] = a.State;
            WireBytes.PutU32(r, 32, a.WorkCode);
            return r;
        }

        public static byte[] WriteBlackAndWhite(ZkAttendanceRecord a)
        {
            var r = new byte[8];
            WireBytes.PutU16(r, 0, a.Uid);
            r[2] = a.VerifyMethod;
            WireBytes.PutU32(r, 3, DeviceClock.Pack(a.Timestamp));
            r[7] = a.State;
            return r;
        }
    }
}
