using System;

namespace ZkSync.Protocol.Model
{
    /// <summary>One attendance punch.</summary>
    public sealed class ZkAttendanceRecord
    {
        public ushort Uid { get; set; }
        public string UserId { get; set; } = "";
        public DateTime Timestamp { get; set; }

        /// <summary>How the user was verified (SDK convention: 0 password, 1 fingerprint, 2 card, 15 face).</summary>
        public byte VerifyMethod { get; set; }

        /// <summary>Attendance state (SDK convention: 0 check-in, 1 check-out, ...).</summary>
        public byte State { get; set; }

        public uint WorkCode { get; set; }

        public override string ToString() => $"{UserId} {Timestamp:yyyy-MM-dd HH:mm:ss} state {State}";
    }
}
