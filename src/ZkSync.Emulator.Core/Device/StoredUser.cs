using System;
using System.Globalization;
using System.Text;
using ZkSync.Emulator.Core.Wire;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Emulator.Core.Device
{
    /// <summary>
    /// A user record exactly as the client sent it. Names and passwords are bytes on a device (no encoding is applied),
    /// so GBK or windows-1256 text round-trips; only the uid, PIN2, privilege and password presence are read from it.
    /// </summary>
    public sealed class StoredUser
    {
        public StoredUser(byte[] record, UserRecordFormat format)
        {
            if (record.Length != (int)format)
                throw new ArgumentException($"A {format} record is {(int)format} bytes.", nameof(record));
            Record = (byte[])record.Clone();
            Format = format;
            Pin2 = ReadPin2(Record, format);
        }

        public byte[] Record { get; }
        public UserRecordFormat Format { get; }
        public ushort Uid => WireBytes.U16(Record, 0);
        public byte Privilege => Record[2];

        /// <summary>The user id (PIN2) as text: the 24-byte field of 72-byte records, the decimal u32 of 28-byte
        /// ones.</summary>
        public string Pin2 { get; }

        public bool IsAdmin => (Privilege & 0x0E) != 0;

        public bool HasPassword => Record[3] != 0;

        /// <summary>Reads the record's fields with the device's own layout (for tests and seeding checks); the stored
        /// bytes stay verbatim.</summary>
        public ZkUser ToUser(Encoding encoding) => DeviceUserRecord.Read(Record, Format, encoding);

        public static string ReadPin2(byte[] record, UserRecordFormat format) =>
            DeviceUserRecord.ReadPin2(record, format);
    }
}
