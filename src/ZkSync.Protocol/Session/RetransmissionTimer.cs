using System;
using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Session
{
    /// <summary>
    /// Requests grouped by how long a terminal takes to answer them, so a lost datagram of a quick query is noticed in
    /// milliseconds while a slow write is not re-sent just because it is slow.
    /// </summary>
    internal enum RequestKind
    {
        /// <summary>Queries: connect, options, sizes, time, 1504 chunks, exit.</summary>
        Quick,

        /// <summary>Buffer work before data moves: 1503 (builds a table), 1500, 1502, 119, face/photo/template
        /// reads.</summary>
        Preparation,

        /// <summary>Requests that change stored state: user, template, face and photo writes, deletes, 1013,
        /// enable/disable.</summary>
        StoredWrite,

        /// <summary>Upload CMD_DATA packets.</summary>
        DataPacket,
    }

    /// <summary>
    /// Smoothed round trip and its variance (RFC 6298 §2): the first sample R sets SRTT = R, RTTVAR = R/2; each later
    /// one
    /// RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|, SRTT = 7/8 SRTT + 1/8 R; RTO = SRTT + max(G, 4 RTTVAR), at least
    /// <see cref="MinimumRto"/>. Before any sample the RTO is <see cref="InitialRto"/> (RFC 6298 §2.1). G, the clock
    /// granularity, is taken as max(5 ms, SRTT/4): a terminal answering every write in a steady 165 ms drives RTTVAR to
    /// nearly 0, and a reply a few ms late (a loaded machine wakes timers ~5 ms late) must not look lost.
    /// </summary>
    internal sealed class RttEstimator
    {
        /// <summary>RFC 6298's initial RTO, for a kind of request not yet answered on this session.</summary>
        public static readonly TimeSpan InitialRto = TimeSpan.FromSeconds(1);

        /// <summary>
        /// Floor of the RTO. RFC 6298 asks 1 s for the Internet; a terminal on a LAN answers a query in ~20 ms, and a
        /// re-send too early is harmless here (firmware answers a repeated reply id from its cache without executing
        /// it).
        /// 20 ms stays above the OS timer granularity and a loaded machine's scheduling delay.
        /// </summary>
        public static readonly TimeSpan MinimumRto = TimeSpan.FromMilliseconds(20);

        /// <summary>Least margin over SRTT: scheduling lateness of a loaded machine (bench/README.md measured ~5 ms per
        /// wait).</summary>
        private const double MarginSeconds = 0.005;

        private double _srtt, _rttvar;

        public int Samples { get; private set; }

        public TimeSpan SmoothedRtt => TimeSpan.FromTicks((long)(_srtt * TimeSpan.TicksPerSecond));

        public TimeSpan RttVariance => TimeSpan.FromTicks((long)(_rttvar * TimeSpan.TicksPerSecond));

        public TimeSpan Rto
        {
            get
            {
                if (Samples == 0) return InitialRto;
                double seconds = _srtt + Math.Max(Math.Max(MarginSeconds, _srtt / 4), 4 * _rttvar);
                var rto = TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
                return rto < MinimumRto ? MinimumRto : rto;
            }
        }

        /// <summary>Adds one measured round trip (never of a re-sent request: Karn's rule, RFC 6298 §3).</summary>
        public void Add(TimeSpan sample)
        {
            double r = Math.Max(0, sample.TotalSeconds);
            if (Samples == 0)
            {
                _srtt = r;
                _rttvar = r / 2;
            }
            else
            {
                _rttvar = 0.75 * _rttvar + 0.25 * Math.Abs(_srtt - r);
                _srtt = 0.875 * _srtt + 0.125 * r;
            }
            Samples++;
        }
    }

    /// <summary>
    /// A session's retransmission timers: one <see cref="RttEstimator"/> per <see cref="RequestKind"/>, and one for the
    /// gap
    /// between the packets of a data stream (1504 chunks, face and photo reads), which says when a stream has stalled.
    /// </summary>
    internal sealed class RetransmissionTimer
    {
        private readonly RttEstimator[] _byKind = { new RttEstimator(), new RttEstimator(), new RttEstimator(),
            new RttEstimator() };

        public RttEstimator StreamGap { get; } = new RttEstimator();

        public RttEstimator For(RequestKind kind) => _byKind[(int)kind];

        public RttEstimator For(ushort command) => For(KindOf(command));

        /// <summary>The wait before re-send number <paramref name="resends"/> + 1: the RTO doubled per earlier loss
        /// (RFC 6298 §5.5).</summary>
        public static TimeSpan Backoff(TimeSpan rto, int resends) =>
            TimeSpan.FromTicks(rto.Ticks * (1L << Math.Min(resends, 20)));

        public static RequestKind KindOf(ushort command)
        {
            switch (command)
            {
                case CommandCode.Data:
                    return RequestKind.DataPacket;
                case CommandCode.PrepareBuffer:
                case CommandCode.PrepareData:
                case CommandCode.FreeData:
                case CommandCode.HashData:
                case CommandCode.UserFaceRead:
                case CommandCode.UserPhotoRead:
                case CommandCode.UserTemplateExRead:
                case CommandCode.ReadFile:
                    return RequestKind.Preparation;
                case CommandCode.UserWrite:
                case CommandCode.ApplyUploadBuffer:
                case CommandCode.UserTemplateExWrite:
                case CommandCode.UserFaceWrite:
                case CommandCode.UserPhotoWrite:
                case CommandCode.DeleteUser:
                case CommandCode.DeleteUserTemplate:
                case CommandCode.UserFaceDelete:
                case CommandCode.UserPhotoDelete:
                case CommandCode.SsrDeleteUser:
                case CommandCode.SsrDeleteUserTemplate:
                case CommandCode.RefreshData:
                case CommandCode.EnableDevice:
                case CommandCode.DisableDevice:
                case CommandCode.OptionsWrite:
                case CommandCode.SetTime:
                case CommandCode.ClearData:
                case CommandCode.ClearAttLog:
                case CommandCode.ClearAdmin:
                    return RequestKind.StoredWrite;
                default:
                    return RequestKind.Quick;
            }
        }
    }
}
