using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ZkSync.Emulator.Tests.Interop
{
    /// <summary>
    /// node-zklib 1.3.0, a client nobody here wrote, reads the emulator. Its TCP path decodes 72-byte users (uid, role,
    /// password, name, card, user id) and 40-byte attendance (uid, user id, time; it decodes no state or verify byte);
    /// its UDP path assumes black-and-white firmware (28-byte users, 16-byte attendance), so on UDP only the raw
    /// transferred buffers are compared against a TFT device, and decoded users against a bw device.
    /// </summary>
    public class NodeZklibInteropTests
    {
        [NodeFact]
        public async Task Node_zklib_reads_users_and_attendance_over_tcp_and_udp()
        {
            // node-zklib handles one reply packet per socket read: firmware's pause between large-data packets keeps
            // them apart.
            using var emu = await Emu.Start("tft", 100, configure: o =>
                o.LargeDataPacketGap = TimeSpan.FromMilliseconds(20)
            );
            using var doc = Read(emu.Port, "tcp,udp");

            var tcp = doc.RootElement.GetProperty("tcp");
            AssertNoErrors(tcp);
            var users = emu.State.Users.Select(u => u.ToUser(Encoding.ASCII)).ToList();
            Assert.Equal(100, users.Count);
            Assert.Contains(users, u => u.Card != 0); // the card column is exercised, not only zeros
            Assert.Equal(
                users.Select(u => (u.Uid, u.UserId, u.Name, (int)u.PrivilegeByte, u.Password, (long)u.Card)).ToList(),
                tcp.GetProperty("users")
                    .EnumerateArray()
                    .Select(u =>
                        (
                            (ushort)u.GetProperty("uid").GetInt32(),
                            u.GetProperty("userId").GetString()!,
                            u.GetProperty("name").GetString()!,
                            u.GetProperty("role").GetInt32(),
                            u.GetProperty("password").GetString()!,
                            u.GetProperty("cardno").GetInt64()
                        )
                    )
                    .ToList()
            );

            Assert.NotEmpty(emu.State.Attendance);
            Assert.Equal(
                emu.State.Attendance.Select(a => (a.Uid, a.UserId, WallClock(a.Timestamp))).ToList(),
                tcp.GetProperty("attendances")
                    .EnumerateArray()
                    .Select(a =>
                        (
                            (ushort)a.GetProperty("userSn").GetInt32(),
                            a.GetProperty("deviceUserId").GetString()!,
                            a.GetProperty("recordTime").GetString()!
                        )
                    )
                    .ToList()
            );
            Assert.Equal(emu.State.UserTable(), Raw(tcp, "rawUsers"));
            Assert.Equal(emu.State.AttendanceTable(), Raw(tcp, "rawAttendances"));

            var udp = doc.RootElement.GetProperty("udp");
            AssertNoErrors(udp);
            Assert.Equal(emu.State.UserTable(), Raw(udp, "rawUsers"));
            Assert.Equal(emu.State.AttendanceTable(), Raw(udp, "rawAttendances"));
        }

        [NodeFact]
        public async Task Node_zklib_decodes_bw_users_over_udp()
        {
            using var emu = await Emu.Start("bw", 60, configure: o =>
                o.LargeDataPacketGap = TimeSpan.FromMilliseconds(20)
            );
            using var doc = Read(emu.Port, "udp");
            var udp = doc.RootElement.GetProperty("udp");
            AssertNoErrors(udp);
            var expected = emu
                .State.Users.Select(u => u.ToUser(Encoding.ASCII))
                .Select(u => (u.Uid, u.UserId, u.Name, (int)u.PrivilegeByte))
                .ToList();
            Assert.Equal(60, expected.Count);
            Assert.Equal(
                expected,
                udp.GetProperty("users")
                    .EnumerateArray()
                    .Select(u =>
                        (
                            (ushort)u.GetProperty("uid").GetInt32(),
                            u.GetProperty("userId").GetString()!,
                            u.GetProperty("name").GetString()!,
                            u.GetProperty("role").GetInt32()
                        )
                    )
                    .ToList()
            );
            Assert.NotEmpty(emu.State.Attendance);
            Assert.Equal(emu.State.AttendanceTable(), Raw(udp, "rawAttendances"));
        }

        /// <summary>Runs read-device.js against the emulator over the given transports ("tcp", "udp" or
        /// "tcp,udp").</summary>
        internal static JsonDocument Read(int port, string modes) =>
            NodeInterop.Run("node-zklib", "node-zklib/zklibtcp.js", "read-device.js", $"127.0.0.1 {port} {modes}");

        internal static void AssertNoErrors(JsonElement mode)
        {
            Assert.False(
                mode.TryGetProperty("error", out var e),
                $"node-zklib failed: {(e.ValueKind == JsonValueKind.String ? e.GetString() : "")}"
            );
            foreach (var name in new[] { "usersError", "attendancesError", "rawUsersError", "rawAttendancesError" })
                Assert.True(
                    mode.GetProperty(name).ValueKind == JsonValueKind.Null,
                    $"{name}: {mode.GetProperty(name)}"
                );
        }

        internal static byte[] Raw(JsonElement mode, string name) =>
            Convert.FromBase64String(mode.GetProperty(name).GetString()!);

        /// <summary>The device's wall-clock time as the scripts print it (local time decoded in a UTC
        /// process).</summary>
        internal static string WallClock(DateTime t) =>
            t.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
