using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ZkSync.PowerShell.Cmdlets;
using ZkSync.PowerShell.Infrastructure;
using ZkSync.Protocol.Model;

namespace ZkSync.PowerShell.Commands
{
    /// <summary>Reads the attendance log (one bulk read), optionally filtered by time and user.</summary>
    [Cmdlet(VerbsCommon.Get, "ZkAttendanceLog")]
    [OutputType(typeof(ZkAttendanceInfo))]
    public sealed class GetZkAttendanceLogCommand : ZkDeviceCmdlet
    {
        /// <summary>Only punches at or after this time.</summary>
        [Parameter]
        public DateTime? After { get; set; }

        /// <summary>Only punches before this time.</summary>
        [Parameter]
        public DateTime? Before { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        protected override void ProcessSession(ZkSession session)
        {
            IEnumerable<ZkAttendanceRecord> records = Run(ct => session.Client.GetAttendanceAsync(ct));
            if (After.HasValue) records = records.Where(r => r.Timestamp >= After.Value);
            if (Before.HasValue) records = records.Where(r => r.Timestamp < Before.Value);
            if (UserId != null) records = records.Where(r => UserId.Contains(r.UserId));
            foreach (ZkAttendanceRecord record in records) WriteObject(new ZkAttendanceInfo(record, session));
        }
    }
}
