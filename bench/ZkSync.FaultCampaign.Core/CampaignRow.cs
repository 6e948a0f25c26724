using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ZkSync.FaultCampaign.Core
{
    /// <summary>The outcome of all runs of one fault kind.</summary>
    public sealed class CampaignRow
    {
        public string Fault { get; set; } = "";
        public int Runs { get; set; }
        public int Users { get; set; }

        /// <summary>Kept users gone or altered, and users (or templates, faces, photos) half-written. Must be
        /// 0.</summary>
        public int LostOrHalfWritten { get; set; }

        /// <summary>New users left as disabled placeholders by the faulty run (safe; the rerun completes
        /// them).</summary>
        public int Staged { get; set; }

        /// <summary>
        /// Users reported Succeeded that the destination emulator does not store as the source emulator does (judged on
        /// their stored bytes, not through the engine's comparer). Must be 0.
        /// </summary>
        public int SucceededButDifferent { get; set; }

        /// <summary>Destinations still disabled once the faulty run's sessions were gone. Must be 0.</summary>
        public int LeftDisabled { get; set; }

        /// <summary>Failed items without a reason, or a failed destination without an error. Must be 0.</summary>
        public int Unreported { get; set; }

        /// <summary>Runs whose healthy second destination completed despite the fault on the first.</summary>
        public int PeerCompleted { get; set; }

        /// <summary>Runs whose fault-free rerun completed, after which a further run found everything Unchanged and the
        /// devices equal.</summary>
        public int RerunsCompleted { get; set; }

        /// <summary>Runs in which the fault visibly hit (a failed destination or item, or a reconnect).</summary>
        public int FaultsHit { get; set; }

        public List<string> Problems { get; } = new List<string>();

        public bool Ok =>
            LostOrHalfWritten == 0
            && SucceededButDifferent == 0
            && LeftDisabled == 0
            && Unreported == 0
            && PeerCompleted == Runs
            && RerunsCompleted == Runs;

        private static readonly string[] Header =
        {
            "fault",
            "runs",
            "users",
            "lost/half-written",
            "succeeded but different",
            "left disabled",
            "unreported",
            "staged",
            "peer ok",
            "reruns complete",
            "hit",
            "ok",
        };

        public static string Table(IReadOnlyList<CampaignRow> rows)
        {
            var cells = rows.Select(r =>
                    new[]
                    {
                        r.Fault,
                        N(r.Runs),
                        N(r.Users),
                        N(r.LostOrHalfWritten),
                        N(r.SucceededButDifferent),
                        N(r.LeftDisabled),
                        N(r.Unreported),
                        N(r.Staged),
                        $"{r.PeerCompleted}/{r.Runs}",
                        $"{r.RerunsCompleted}/{r.Runs}",
                        $"{r.FaultsHit}/{r.Runs}",
                        r.Ok ? "yes" : "NO",
                    }
                )
                .ToList();
            var widths = Header.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
            var sb = new StringBuilder();
            void Line(IReadOnlyList<string> c) =>
                sb.AppendLine(
                    "| "
                        + string.Join(" | ", c.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i])))
                        + " |"
                );
            Line(Header);
            sb.AppendLine(
                "|" + string.Join("|", widths.Select((w, i) => new string('-', w + 1) + (i == 0 ? "-" : ":"))) + "|"
            );
            foreach (var c in cells)
                Line(c);
            return sb.ToString();
        }

        private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
