using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Commands
{
    /// <summary>Writing and deleting users, clearing tables (docs/protocol.md §6, §8).</summary>
    internal static class UserCommands
    {
        /// <summary>
        /// Firmware CMD_USER_WRQ rules: exact record size; PIN2 non-empty and not "0"; same PIN2 + same uid →
        /// overwrite; PIN2 owned by another uid → error (session field 1); new PIN2 → add only if the uid is unused and
        /// capacity remains.
        /// </summary>
        public static Reply Write(CommandContext c)
        {
            var profile = c.Profile;
            if (c.Payload.Length != profile.UserRecordSize)
                return c.Refuse(
                    $"user record of {c.Payload.Length} bytes (this device takes {profile.UserRecordSize})"
                );
            var user = new StoredUser(c.Payload, profile.UserFormat);
            if (user.Uid == 0)
                return c.Refuse("uid 0");
            if (user.Pin2.Length == 0 || user.Pin2 == "0")
                return c.Refuse("PIN2 is empty or \"0\"");
            if (user.Pin2.Length > profile.PinWidth)
                return c.Refuse($"PIN2 '{user.Pin2}' is wider than ~PIN2Width {profile.PinWidth}");

            var owner = c.State.FindUserByPin(user.Pin2);
            if (owner != null)
            {
                if (owner.Uid != user.Uid)
                    return c.Refuse($"PIN2 '{user.Pin2}' belongs to uid {owner.Uid}, not {user.Uid}", 1);
                c.State.PutUser(user);
                return c.Ok();
            }
            if (c.State.FindUser(user.Uid) != null)
                return c.Refuse($"uid {user.Uid} is taken by another PIN2 (firmware cannot change a user's PIN2)");
            if (c.State.UserCount >= profile.UserCapacity)
                return c.Refuse($"user capacity {profile.UserCapacity} reached");
            c.State.PutUser(user);
            return c.Ok();
        }

        public static Reply DeleteByUid(CommandContext c)
        {
            if (c.Payload.Length < 2) return c.Refuse($"CMD_DELETE_USER payload of {c.Payload.Length} bytes");
            ushort uid = LittleEndian.U16(c.Payload, 0);
            return c.State.DeleteUser(uid) ? c.Ok() : c.Refuse($"no user with uid {uid}");
        }

        /// <summary>Command 133: delete by the 24-byte PIN2.</summary>
        public static Reply DeleteByPin(CommandContext c)
        {
            string pin = DeviceText.RequestPin(c.Payload);
            var user = c.State.FindUserByPin(pin);
            return user != null && c.State.DeleteUser(user.Uid) ? c.Ok() : c.Refuse($"no user with PIN2 '{pin}'");
        }

        /// <summary>No payload clears everything; a 1-byte payload clears one table (firmware FDB_ClearData).</summary>
        public static Reply ClearData(CommandContext c)
        {
            var state = c.State;
            if (c.Payload.Length == 0)
            {
                state.ClearUsers();
                state.Attendance.Clear();
                return c.Ok();
            }
            switch (c.Payload[0])
            {
                case TableType.AttLog: state.Attendance.Clear(); break;
                case TableType.FingerTemplate:
                    foreach (var u in state.Users) state.DeleteTemplates(u.Uid);
                    break;
                case TableType.User: state.ClearUsers(); break;
                case TableType.Face:
                    foreach (var u in state.Users) state.DeleteFaces(u.Uid);
                    break;
            }
            return c.Ok();
        }

        public static Reply ClearAttendance(CommandContext c)
        {
            c.State.Attendance.Clear();
            return c.Ok();
        }

        /// <summary>Command 20: every user loses admin rights (privilege byte 0).</summary>
        public static Reply ClearAdmins(CommandContext c)
        {
            foreach (var u in new System.Collections.Generic.List<StoredUser>(c.State.Users))
            {
                if (u.Privilege == 0) continue;
                var record = (byte[])u.Record.Clone();
                record[2] = 0;
                c.State.PutUser(new StoredUser(record, u.Format));
            }
            return c.Ok();
        }
    }
}
