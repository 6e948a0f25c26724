using System;

namespace ZkSync.Protocol.Model
{
    /// <summary>Privilege levels (bits 1-3 of the privilege byte; bit 0 marks a disabled user).</summary>
    public enum ZkPrivilege : byte
    {
        User = 0,
        Enroller = 2,
        Manager = 6,
        Admin = 14,
    }

    /// <summary>Which user record layout a device uses.</summary>
    public enum UserRecordFormat
    {
        /// <summary>28-byte records of black-and-white firmware: numeric user ids, 5-byte password, 8-byte
        /// name.</summary>
        Compact28 = 28,

        /// <summary>72-byte records of TFT firmware: text user ids up to 24 bytes, 8-byte password, 24-byte
        /// name.</summary>
        Extended72 = 72,
    }

    /// <summary>A user as a device stores it. Identity across devices is <see cref="UserId"/>; <see cref="Uid"/> is the
    /// device's internal slot.</summary>
    public sealed class ZkUser
    {
        /// <summary>Internal record number (1..65534), different from device to device.</summary>
        public ushort Uid { get; set; }

        /// <summary>The user id people see and type (PIN2 / enrol number).</summary>
        public string UserId { get; set; } = "";

        public string Name { get; set; } = "";

        public string Password { get; set; } = "";

        /// <summary>Raw privilege byte: level in bits 1-3, bit 0 = disabled.</summary>
        public byte PrivilegeByte { get; set; }

        public ZkPrivilege Privilege
        {
            get => (ZkPrivilege)(PrivilegeByte & 0x0E);
            set => PrivilegeByte = (byte)(((byte)value & 0x0E) | (PrivilegeByte & 1));
        }

        public bool Enabled
        {
            get => (PrivilegeByte & 1) == 0;
            set => PrivilegeByte = (byte)(value ? PrivilegeByte & ~1 : PrivilegeByte | 1);
        }

        public uint Card { get; set; }

        public byte Group { get; set; }

        /// <summary>Raw time-zone data (8 bytes in 72-byte records, 2 in 28-byte records), kept verbatim.</summary>
        public byte[] TimeZones { get; set; } = Array.Empty<byte>();

        public ZkUser Clone() => new ZkUser
        {
            Uid = Uid, UserId = UserId, Name = Name, Password = Password, PrivilegeByte = PrivilegeByte,
            Card = Card, Group = Group, TimeZones = (byte[])TimeZones.Clone(),
        };

        public override string ToString() => $"{UserId} ({Name}) uid {Uid}";
    }
}
