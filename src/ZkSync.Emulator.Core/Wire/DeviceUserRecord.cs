using System;
using System.Globalization;
using System.Text;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core.Wire
{
    /// <summary>
    /// The firmware's user structs, read and written by the device side (fp-firmware trunk/M880trunk/flashdb.h):
    /// TUser, 72 bytes (TFT): u16 PIN @0, u8 privilege @2, char[8] password @3, char[24] name @11, u8[4] card @35,
    /// u8 group @39, u16[4] time zones @40, char[24] PIN2 @48.
    /// TOldUser, 28 bytes (black-and-white): u16 PIN @0, u8 privilege @2, char[5] password @3, char[8] name @8,
    /// u8[5] card @16 (u32 + 1 spare), u8 group @21, u16 time zones @22, u32 PIN2 @24.
    /// </summary>
    public static class DeviceUserRecord
    {
        public const int Pin2Width = 24;

        private static readonly Layout Tft = new Layout(
            size: 72,
            password: 3,
            passwordWidth: 8,
            name: 11,
            nameWidth: 24,
            card: 35,
            group: 39,
            timeZones: 40,
            timeZonesWidth: 8,
            pin2: 48
        );
        private static readonly Layout Bw = new Layout(
            size: 28,
            password: 3,
            passwordWidth: 5,
            name: 8,
            nameWidth: 8,
            card: 16,
            group: 21,
            timeZones: 22,
            timeZonesWidth: 2,
            pin2: 24
        );

        public static int NameWidth(UserRecordFormat format) => Of(format).NameWidth;

        /// <summary>Builds a record as the device would store it (seeding, backup replay). Text is cut when <paramref
        /// name="allowCut"/>.</summary>
        public static byte[] Write(ZkUser user, UserRecordFormat format, Encoding encoding, bool allowCut)
        {
            var l = Of(format);
            var r = new byte[l.Size];
            WireBytes.PutU16(r, 0, user.Uid);
            r[2] = user.PrivilegeByte;
            DeviceText.Write(user.Password, r, l.Password, l.PasswordWidth, encoding, allowCut, "Password");
            DeviceText.Write(user.Name, r, l.Name, l.NameWidth, encoding, allowCut, "Name");
            WireBytes.PutU32(r, l.Card, user.Card);
            r[l.Group] = user.Group;
            if (user.TimeZones != null)
                Buffer.BlockCopy(user.TimeZones, 0, r, l.TimeZones, Math.Min(user.TimeZones.Length, l.TimeZonesWidth));
            if (format == UserRecordFormat.Extended72)
                DeviceText.Write(user.UserId, r, l.Pin2, Pin2Width, Encoding.ASCII, false, "UserId");
            else
                WireBytes.PutU32(r, l.Pin2, uint.Parse(user.UserId, NumberStyles.None, CultureInfo.InvariantCulture));
            return r;
        }

        /// <summary>Reads a stored record back into fields (what the device shows in its menu).</summary>
        public static ZkUser Read(byte[] r, UserRecordFormat format, Encoding encoding)
        {
            var l = Of(format);
            var timeZones = new byte[l.TimeZonesWidth];
            Buffer.BlockCopy(r, l.TimeZones, timeZones, 0, timeZones.Length);
            return new ZkUser
            {
                Uid = WireBytes.U16(r, 0), PrivilegeByte = r[2],
                Password = DeviceText.Read(r, l.Password, l.PasswordWidth, encoding),
                Name = DeviceText.Read(r, l.Name, l.NameWidth, encoding),
                Card = WireBytes.U32(r, l.Card), Group = r[l.Group], TimeZones = timeZones,
                UserId = ReadPin2(r, format),
            };
        }

        /// <summary>The PIN2 as text: char[24] in TUser, a u32 in TOldUser (0 = none).</summary>
        public static string ReadPin2(byte[] r, UserRecordFormat format)
        {
            var l = Of(format);
            if (format == UserRecordFormat.Extended72) return DeviceText.Read(r, l.Pin2, Pin2Width, Encoding.ASCII);
            uint pin2 = WireBytes.U32(r, l.Pin2);
            return pin2 == 0 ? "" : pin2.ToString(CultureInfo.InvariantCulture);
        }

        private static Layout Of(UserRecordFormat format) => format == UserRecordFormat.Extended72 ? Tft : Bw;

        private sealed class Layout
        {
            public Layout(
                int size,
                int password,
                int passwordWidth,
                int name,
                int nameWidth,
                int card,
                int group,
                int timeZones,
                int timeZonesWidth,
                int pin2
            )
            {
                Size = size;
                Password = password;
                PasswordWidth = passwordWidth;
                Name = name;
                NameWidth = nameWidth;
                Card = card;
                Group = group;
                TimeZones = timeZones;
                TimeZonesWidth = timeZonesWidth;
                Pin2 = pin2;
            }

            public int Size { get; }
            public int Password { get; }
            public int PasswordWidth { get; }
            public int Name { get; }
            public int NameWidth { get; }
            public int Card { get; }
            public int Group { get; }
            public int TimeZones { get; }
            public int TimeZonesWidth { get; }
            public int Pin2 { get; }
        }
    }
}
