using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>
    /// zkteco-js 1.7.2 (npm), a second client nobody here wrote, for what node-zklib lacks: device info strings
    /// (CMD_GET_VERSION and CMD_OPTIONS_RRQ), free sizes, the clock, a user written with CMD_USER_WRQ and read back,
    /// and 40-byte attendance with its verify type (byte 26, zkteco-js "type") and state (byte 31, zkteco-js "state").
    /// Its UDP path decodes 28-byte users and 16-byte attendance, and its chunked UDP bulk read never resolves, so over
    /// UDP it is checked on the single-reply commands only (exercise-device.js says so).
    /// </summary>
    public class ZktecoJsInteropTests
    {
        [NodeFact]
        public async Task Zkteco_js_reads_device_info_strings_sizes_and_clock_over_tcp()
        {
            using var emu = await Emu.Start("tft", 20);
            var p = emu.State.Profile;
            using var doc = Exercise(emu.Port, "tcp");
            var r = doc.RootElement;
            AssertNoErrors(r);

            // Firmware answers CMD_GET_VERSION with a NUL-terminated string (pyzk get_firmware_version splits at the
            // NUL); zkteco-js keeps the terminator.
            Assert.Equal(p.FirmwareVersion, r.GetProperty("firmware").GetString()!.TrimEnd('\0'));
            Assert.Equal(p.SerialNumber, r.GetProperty("serialNumber").GetString());
            Assert.Equal(p.Platform, r.GetProperty("platform").GetString());
            Assert.Equal(p.DeviceName, r.GetProperty("deviceName").GetString());
            Assert.Equal(p.Options["~OEMVendor"], r.GetProperty("vendor").GetString());
            Assert.Equal(p.Options["MAC"], r.GetProperty("mac").GetString());
            Assert.Equal(
                p.FingerprintVersion.ToString(CultureInfo.InvariantCulture),
                r.GetProperty("fingerprintVersion").GetString()
            );
            Assert.Equal(p.PinWidth.ToString(CultureInfo.InvariantCulture), r.GetProperty("pinWidth").GetString());
            Assert.Equal("No", r.GetProperty("faceOn").GetString());
            Assert.Equal(p.Options["~ProductTime"].Replace(' ', 'T'), r.GetProperty("productTime").GetString());
            AssertSizes(emu, r);
            AssertClock(emu, r);
        }

        [NodeFact]
        public async Task Zkteco_js_writes_a_user_and_reads_it_back_with_the_seeded_ones()
        {
            using var emu = await Emu.Start("tft", 20, configure: FirmwarePacing);
            var written = new
            {
                uid = 200,
                userId = "9001",
                name = "Ada Lovelace",
                password = "4321",
                role = (int)ZkPrivilege.Admin,
                cardno = 51234,
            };
            using var doc = Exercise(emu.Port, "tcp", written);
            var r = doc.RootElement;
            AssertNoErrors(r);
            Assert.True(r.GetProperty("setUser").GetBoolean());

            // The device stored what zkteco-js meant ...
            var stored = emu.State.FindUser(200);
            Assert.NotNull(stored);
            var user = stored!.ToUser(Encoding.ASCII);
            Assert.Equal(
                (written.userId, written.name, written.password, (byte)written.role, (uint)written.cardno),
                (user.UserId, user.Name, user.Password, user.PrivilegeByte, user.Card)
            );

            // ... and zkteco-js reads it back, after the 20 seeded users, with every field it decodes.
            var read = r.GetProperty("users")
                .EnumerateArray()
                .Select(u =>
                    (
                        u.GetProperty("uid").GetInt32(),
                        u.GetProperty("userId").GetString()!,
                        u.GetProperty("name").GetString()!,
                        u.GetProperty("password").GetString()!,
                        u.GetProperty("role").GetInt32(),
                        u.GetProperty("cardno").GetInt64()
                    )
                )
                .ToList();
            var expected = emu
                .State.Users.Select(u => u.ToUser(Encoding.ASCII))
                .Select(u => ((int)u.Uid, u.UserId, u.Name, u.Password, (int)u.PrivilegeByte, (long)u.Card))
                .ToList();
            Assert.Equal(21, expected.Count);
            Assert.Equal(expected, read);
            Assert.Contains(
                (written.uid, written.userId, written.name, written.password, written.role, (long)written.cardno),
                read
            );
        }

        [NodeFact]
        public async Task Zkteco_js_decodes_attendance_time_verify_type_and_state()
        {
            using var emu = await Emu.Start("tft", 10, configure: FirmwarePacing);
            // Seeded punches are all fingerprint (verify 1) with state 0 or 1; add ones whose verify and state differ
            // from those and from each other, so a record with the two bytes swapped or shifted cannot read back the
            // same.
            var someone = emu.State.Users.First();
            lock (emu.State.Sync)
            {
                emu.State.Attendance.Add(
                    new ZkAttendanceRecord
                    {
                        Uid = someone.Uid,
                        UserId = someone.Pin2,
                        Timestamp = new DateTime(2024, 2, 29, 23, 59, 58),
                        VerifyMethod = 15,
                        State = 4,
                    }
                );
                emu.State.Attendance.Add(
                    new ZkAttendanceRecord
                    {
                        Uid = someone.Uid,
                        UserId = someone.Pin2,
                        Timestamp = new DateTime(2031, 12, 31, 0, 0, 1),
                        VerifyMethod = 2,
                        State = 5,
                    }
                );
                emu.State.Attendance.Add(
                    new ZkAttendanceRecord
                    {
                        Uid = someone.Uid,
                        UserId = someone.Pin2,
                        Timestamp = new DateTime(2025, 7, 1, 12, 30, 0),
                        VerifyMethod = 0,
                        State = 3,
                    }
                );
            }
            using var doc = Exercise(emu.Port, "tcp");
            var r = doc.RootElement;
            AssertNoErrors(r);

            var expected = emu
                .State.Attendance.Select(a =>
                    (
                        (int)a.Uid,
                        a.UserId,
                        NodeZklibInteropTests.WallClock(a.Timestamp),
                        (int)a.VerifyMethod,
                        (int)a.State
                    )
                )
                .ToList();
            Assert.True(expected.Count > 3, "the seeded log is empty");
            Assert.Equal(
                expected,
                r.GetProperty("attendances")
                    .EnumerateArray()
                    .Select(a =>
                        (
                            a.GetProperty("sn").GetInt32(),
                            a.GetProperty("userId").GetString()!,
                            a.GetProperty("time").GetString()!,
                            a.GetProperty("type").GetInt32(),
                            a.GetProperty("state").GetInt32()
                        )
                    )
                    .ToList()
            );
        }

        [NodeFact]
        public async Task Zkteco_js_reads_sizes_and_clock_over_udp()
        {
            using var emu = await Emu.Start("tft", 12);
            using var doc = Exercise(emu.Port, "udp");
            var r = doc.RootElement;
            AssertNoErrors(r);
            AssertSizes(emu, r);
            AssertClock(emu, r);
        }

        /// <summary>
        /// zkteco-js, like node-zklib, reads the start of a bulk reply as one socket read: firmware's pause between
        /// large-data packets keeps them apart, so the emulator pauses too.
        /// </summary>
        private static void FirmwarePacing(EmulatorOptions o) => o.LargeDataPacketGap = TimeSpan.FromMilliseconds(20);

        private static JsonDocument Exercise(int port, string mode, object? user = null) =>
            NodeInterop.Run(
                "zkteco-js",
                "zkteco-js/src/ztcp.js",
                "exercise-device.js",
                $"127.0.0.1 {port} {mode}" + (user == null ? "" : " " + NodeInterop.Quote(user))
            );

        /// <summary>The script records a failed call as &lt;name&gt;Error and a failed session as error.</summary>
        private static void AssertNoErrors(JsonElement r)
        {
            var errors = r.EnumerateObject()
                .Where(p => p.Name == "error" || p.Name.EndsWith("Error", StringComparison.Ordinal))
                .Select(p => $"{p.Name}: {p.Value}")
                .ToList();
            Assert.True(errors.Count == 0, "zkteco-js failed: " + string.Join("; ", errors));
        }

        private static void AssertSizes(DeviceEmulator emu, JsonElement r)
        {
            var sizes = r.GetProperty("sizes");
            Assert.Equal(emu.State.UserCount, sizes.GetProperty("userCounts").GetInt32());
            Assert.Equal(emu.State.Attendance.Count, sizes.GetProperty("logCounts").GetInt32());
            Assert.Equal(emu.State.Profile.RecordCapacity, sizes.GetProperty("logCapacity").GetInt32());
        }

        /// <summary>The device clock zkteco-js decoded is the emulator's, give or take a loaded machine's
        /// minute.</summary>
        private static void AssertClock(DeviceEmulator emu, JsonElement r)
        {
            var decoded = DateTime.ParseExact(
                r.GetProperty("time").GetString()!,
                "yyyy-MM-dd'T'HH:mm:ss",
                System.Globalization.CultureInfo.InvariantCulture
            );
            Assert.InRange(decoded, emu.State.Now.AddMinutes(-1), emu.State.Now.AddMinutes(1));
        }
    }
}
