using System;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell
{
    /// <summary>One attendance punch read from a device.</summary>
    public sealed class ZkAttendanceInfo : ZkSessionItem
    {
        internal ZkAttendanceInfo(ZkAttendanceRecord record, ZkSession session) : base(session) => Record = record;

        public string UserId => Record.UserId;
        public DateTime Timestamp => Record.Timestamp;

        /// <summary>SDK convention: 0 password, 1 fingerprint, 2 card, 15 face.</summary>
        public int VerifyMethod => Record.VerifyMethod;

        /// <summary>SDK convention: 0 check-in, 1 check-out, ...</summary>
        public int State => Record.State;

        public uint WorkCode => Record.WorkCode;
        public ushort Uid => Record.Uid;

        internal ZkAttendanceRecord Record { get; }

        public override string ToString() => Record.ToString();
    }
}
