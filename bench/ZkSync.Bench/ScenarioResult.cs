using System;
using System.Collections.Generic;
using System.Linq;

namespace ZkSync.Bench
{
    /// <summary>One scenario at one user count: what was measured and what the link floor allows.</summary>
    internal sealed class ScenarioResult
    {
        public ScenarioResult(string scenario, int users, string verify, Measurement measured, IReadOnlyList<LinkWork> work, LinkModel model, long payloadUploaded, string outcome, bool ok)
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
            Wall = model.Modelled(measured.Wall);
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

        /// <summary>Measured wall time × the time scale: what the modelled devices would take.</summary>
        public TimeSpan Wall { get; }

        /// <summary>Destination requests (the last link) per user of the run.</summary>
        public double DestinationRequestsPerUser => Users == 0 ? 0 : (double)Measured.Links[Measured.Links.Count - 1].RoundTrips / Users;

        /// <summary>CMD_DATA payload bytes the engine sent (what writing cost; 0 = nothing written).</summary>
        public long PayloadUploaded { get; }

        public string Outcome { get; }
        public bool Ok { get; }

        public long Requests => Measured.Links.Sum(l => l.RoundTrips);
        public long BytesUp => Measured.Links.Sum(l => l.BytesIn);
        public long BytesDown => Measured.Links.Sum(l => l.BytesOut);
    }
}
