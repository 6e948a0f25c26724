using System;
using System.Collections.Generic;
using System.Globalization;

namespace ZkSync.Emulator.Core
{
    /// <summary>
    /// Faults the emulator injects (all off by default). Request triggers count every packet the device receives from
    /// the moment the faults are set (<see cref="DeviceEmulator.SetFaults"/> or start-up): N = 1 is the very next one.
    /// One-shot faults fire once per setting; set the faults again to re-arm them.
    /// </summary>
    public sealed class FaultOptions
    {
        /// <summary>Share (0-1) of UDP datagrams lost, requests and replies alike, drawn from <see
        /// cref="Seed"/>.</summary>
        public double UdpDropRate { get; set; }

        /// <summary>Seed of the drop sequence: the same seed and traffic lose the same datagrams.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>UDP, one-shot: the first request with this command is executed and its reply datagrams are
        /// lost.</summary>
        public ushort? DropReplyToCommand { get; set; }

        /// <summary>TCP, one-shot: the N-th request is executed, then its connection is reset instead of
        /// answered.</summary>
        public int? ResetAfterRequests { get; set; }

        /// <summary>
        /// TCP, one-shot: the first large-data reply longer than K data packets is cut after K of them by a reset (0 =
        /// right after its CMD_PREPARE_DATA announcement: engine reads come in one data packet per request on TCP).
        /// </summary>
        public int? ResetAfterReplyDataPackets { get; set; }

        /// <summary>TCP, one-shot: the K-th upload CMD_DATA is taken, then its connection is reset instead of
        /// answered.</summary>
        public int? ResetAfterUploadDataPackets { get; set; }

        /// <summary>One-shot: the reply to the N-th request is held back by <see cref="ReplyDelay"/> (beyond a client's
        /// timeout).</summary>
        public int? DelayReplyAfterRequests { get; set; }

        public TimeSpan ReplyDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Every request with this command is answered CMD_ACK_ERROR without being executed.</summary>
        public ushort? ErrorCommand { get; set; }

        /// <summary>
        /// Every request with this command (110, 151, 10009, 87) finds its complete upload buffer damaged (its tail
        /// lost) and runs on it: the device ACKs and drops it, or refuses it with
        /// <see cref="EmulatorOptions.StrictRefusals"/>.
        /// </summary>
        public ushort? DamageUploadOf { get; set; }

        /// <summary>
        /// One-shot: the <see cref="AckAndDropOccurrence"/>-th request with this command is answered CMD_ACK_OK and not
        /// carried out, as firmware does with a write it cannot store (a re-sent copy is answered from the reply
        /// cache).
        /// </summary>
        public ushort? AckAndDropCommand { get; set; }

        /// <summary>
        /// Which request of <see cref="AckAndDropCommand"/> is dropped: 1 = the first (counted as below).
        /// </summary>
        public int AckAndDropOccurrence { get; set; } = 1;

        /// <summary>
        /// When set, requests of <see cref="AckAndDropCommand"/> count only once a request with this command arrived,
        /// so "the first user batch after the first face write" (110 after 151) names the write that enables staged
        /// users.
        /// </summary>
        public ushort? AckAndDropAfterCommand { get; set; }

        /// <summary>The device reports itself full at this many users: it becomes its user capacity.</summary>
        public int? FullAtUsers { get; set; }

        /// <summary>From the N-th request on the device answers nothing (connections are still accepted). 1 = hang
        /// now.</summary>
        public int? HangAfterRequests { get; set; }

        /// <summary>One-shot: after answering the N-th request the device restarts (every session lost, data
        /// kept).</summary>
        public int? RestartAfterRequests { get; set; }

        /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
        public void Validate()
        {
            if (double.IsNaN(UdpDropRate) || UdpDropRate < 0 || UdpDropRate > 1)
                throw new ArgumentException("UdpDropRate must be 0-1.", nameof(UdpDropRate));
            Positive(ResetAfterRequests, nameof(ResetAfterRequests));
            if (ResetAfterReplyDataPackets is int cut && cut < 0)
                throw new ArgumentException(
                    "ResetAfterReplyDataPackets must not be negative.",
                    nameof(ResetAfterReplyDataPackets)
                );
            Positive(ResetAfterUploadDataPackets, nameof(ResetAfterUploadDataPackets));
            Positive(DelayReplyAfterRequests, nameof(DelayReplyAfterRequests));
            Positive(HangAfterRequests, nameof(HangAfterRequests));
            Positive(RestartAfterRequests, nameof(RestartAfterRequests));
            Positive(AckAndDropOccurrence, nameof(AckAndDropOccurrence));
            if (FullAtUsers is int full && full < 0)
                throw new ArgumentException("FullAtUsers must not be negative.", nameof(FullAtUsers));
            if (ReplyDelay < TimeSpan.Zero)
                throw new ArgumentException("ReplyDelay must not be negative.", nameof(ReplyDelay));
        }

        public FaultOptions Clone() => (FaultOptions)MemberwiseClone();

        /// <summary>"drop 10% (seed 3), reset after request 40", or "none".</summary>
        public override string ToString()
        {
            var parts = new List<string>();
            if (UdpDropRate > 0)
                parts.Add(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "drop {0:0.##}% of UDP datagrams (seed {1})",
                        UdpDropRate * 100,
                        Seed
                    )
                );
            if (DropReplyToCommand is ushort lost)
                parts.Add($"lose the reply to command {lost}");
            if (ResetAfterRequests is int r)
                parts.Add($"reset after request {r}");
            if (ResetAfterReplyDataPackets is int rd)
                parts.Add($"reset after {rd} reply data packets");
            if (ResetAfterUploadDataPackets is int ru)
                parts.Add($"reset after {ru} upload data packets");
            if (DelayReplyAfterRequests is int d)
                parts.Add($"delay reply {d} by {ReplyDelay.TotalMilliseconds:0} ms");
            if (ErrorCommand is ushort e)
                parts.Add($"ACK_ERROR to command {e}");
            if (DamageUploadOf is ushort du)
                parts.Add($"damaged upload for command {du}");
            if (AckAndDropCommand is ushort ad)
            {
                parts.Add(
                    $"ACK and drop request {AckAndDropOccurrence} of command {ad}"
                        + (AckAndDropAfterCommand is ushort after ? $" after command {after}" : "")
                );
            }
            if (FullAtUsers is int f)
                parts.Add($"full at {f} users");
            if (HangAfterRequests is int h)
                parts.Add($"hang from request {h}");
            if (RestartAfterRequests is int rs)
                parts.Add($"restart after request {rs}");
            return parts.Count == 0 ? "none" : string.Join(", ", parts);
        }

        private static void Positive(int? value, string name)
        {
            if (value is int v && v < 1) throw new ArgumentException($"{name} must be at least 1.", name);
        }
    }
}
