using System;
using System.Collections.Generic;
using System.Linq;
using ZkSync.Bench.LinkFloor;

namespace ZkSync.Bench
{
    /// <summary>How a scenario's links overlap in time: one request at a time across all devices, or in parallel after
    /// a serial prefix.</summary>
    internal readonly record struct RunShape(bool Sequential, TimeSpan SerialPrefix)
    {
        public static RunShape OneAtATime => new RunShape(true, TimeSpan.Zero);

        public static RunShape Parallel(TimeSpan serialPrefix) => new RunShape(false, serialPrefix);
    }

    /// <summary>One scenario at one user count: what was measured and what the link floor allows.</summary>
    internal sealed class ScenarioResult
    {
        /// <param name="timing">
        /// How the modelled wall time follows from the links' busy times when a device timing model is on (measured
        /// wall time is then dominated by the machine's scheduling, multiplied by the time scale).
        /// </param>
        public ScenarioResult(
            string scenario,
            int users,
            string verify,
            Measurement measured,
            IReadOnlyList<LinkWork> work,
            LinkModel model,
            long payloadUploaded,
            string outcome,
            bool ok,
            RunShape timing = default
        )
        {
            Scenario = scenario;
            Users = users;
            Verify = verify;
            Measured = measured;
            Work = work;
            PayloadUploaded = payloadUploaded;
            Outcome = outcome;
            Ok = ok;
            LinkFloors = measured.Links.Zip(work, (m, w) => model.Floor(m, w)).ToList();
            ScaledWall = model.Modelled(measured.Wall);
            Busy = measured.Links.Select(model.Busy).ToList();
            Wall = model.DeviceTiming == Emulator.Core.DeviceTimingMode.None ? ScaledWall
                : timing.Sequential ? TimeSpan.FromTicks(Busy.Sum(b => b.Ticks))
                : Busy.Count == 1 ? Busy[0]
                : Max(Busy[0], Busy[Busy.Count - 1] + timing.SerialPrefix);
            Floor = LinkFloors.Max();
        }

        public string Scenario { get; }
        public int Users { get; }

        /// <summary>"on", "off" or "-" (nothing written).</summary>
        public string Verify { get; }

        public Measurement Measured { get; }

        /// <summary>Least work per link, in the order of <see cref="Measurement.Links"/> (source first).</summary>
        public IReadOnlyList<LinkWork> Work { get; }

        public IReadOnlyList<TimeSpan> LinkFloors { get; }
        public TimeSpan Floor { get; }
        public double WallOverFloor => Wall.TotalSeconds / Floor.TotalSeconds;

        /// <summary>
        /// The scenario's time under the model. No device timing: measured wall time (× the time scale). With device
        /// timing: from the links' busy times (<see cref="LinkModel.Busy"/>): their sum for a client that sends one
        /// request at a time to one device at a time (the scripts); for the engine, which keeps both links busy at
        /// once, the slower of the source and (the destination plus the serial prefix it must wait for: the source's
        /// tables before any plan).
        /// </summary>
        public TimeSpan Wall { get; }

        /// <summary>Measured wall time × the time scale (with device timing: inflated by the machine's scheduling
        /// delays × the scale).</summary>
        public TimeSpan ScaledWall { get; }

        /// <summary>Busy time of each link under the model (same order as the links).</summary>
        public IReadOnlyList<TimeSpan> Busy { get; }

        /// <summary>Destination requests (the last link) per user of the run.</summary>
        public double DestinationRequestsPerUser =>
            Users == 0 ? 0 : (double)Measured.Links[Measured.Links.Count - 1].RoundTrips / Users;

        /// <summary>CMD_DATA payload bytes the engine sent (what writing cost; 0 = nothing written).</summary>
        public long PayloadUploaded { get; }

        public string Outcome { get; }
        public bool Ok { get; }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        public long Requests => Measured.Links.Sum(l => l.RoundTrips);
        public long BytesUp => Measured.Links.Sum(l => l.BytesIn);
        public long BytesDown => Measured.Links.Sum(l => l.BytesOut);
    }
}
