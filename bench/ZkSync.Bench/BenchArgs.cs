using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ZkSync.Bench
{
    /// <summary>Command line of the benchmark (bench/README.md).</summary>
    internal sealed class BenchArgs
    {
        public static readonly string[] AllScenarios =
        {
            "cpu",
            "full",
            "resync",
            "snapshot",
            "naive",
            "full-noverify",
            "full-fp",
            "full-fp-noverify",
            "naive-fp",
            "hybrid-script",
            "hybrid-script-fp",
            "module",
            "fleet",
            "udp-loss",
        };

        public IReadOnlyList<int> Users { get; private set; } = new[] { 1000, 3000, 10000 };
        public double LatencyMs { get; private set; } = 2;
        public long BytesPerSecond { get; private set; } = 1_000_000;
        public IReadOnlyCollection<string> Scenarios { get; private set; } =
            AllScenarios.Where(s => s != "fleet" && s != "udp-loss").ToList();
        public IReadOnlyList<int> Fleet { get; private set; } = new[] { 1, 8, 32, 64 };
        public int? ThrottleLimit { get; private set; }
        public int Seed { get; private set; } = 1;
        public ZkSync.Emulator.Core.DeviceTimingMode DeviceTiming { get; private set; } =
            ZkSync.Emulator.Core.DeviceTimingMode.None;
        public double TimeScale { get; private set; } = 1;
        public IReadOnlyList<double> DropRates { get; private set; } = new[] { 0, 0.01, 0.05 };
        public int Repeat { get; private set; } = 1;

        public const string Usage =
@"usage: dotnet run -c Release --project bench/ZkSync.Bench -- [options]
  --users 1000,3000,10000      user counts (face profile: 15 faces, 1-3 fingerprints, one 8-15 KB photo each)
  --latency-ms 2               per-request turnaround of the emulated links
  --bytes-per-second 1000000   throughput of the emulated links
  --device-timing none         none | requests | records: the emulators' device timing model (ZMM220_TFT field readings)
  --time-scale 1               divide every modelled time by this (1-10000); reported times are multiplied back
  --scenarios LIST             any of cpu,full,resync,snapshot,naive,full-noverify,full-fp,full-fp-noverify,naive-fp,
                               hybrid-script,hybrid-script-fp,module,fleet (default: all but fleet);
                               -fp = users and fingerprints only (no faces or photos);
                               module = Copy-ZkUser vs Sync-ZkDevice through the module in a hosted PowerShell;
                               udp-loss = the full sync over UDP losing datagrams (only when named)
  --drop-rates 0,0.01,0.05     udp-loss: share of UDP datagrams each emulator loses, each way
                               (0 = the lossless reference)
  --repeat 1                   udp-loss: runs per configuration (different loss seeds); the median by wall time
                               is reported
  --seed 1                     seed of the generated devices
  --fleet 1,8,32,64            fleet scenario: numbers of destinations synced from the one source in one run
  --throttle-limit N           fleet scenario: SyncOptions.ThrottleLimit (default: the engine's default)";

        public bool Has(string scenario) => Scenarios.Contains(scenario);

        public static BenchArgs Parse(string[] args)
        {
            var a = new BenchArgs();
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (name == "--help" || name == "-h")
                    throw new ArgumentException(Usage);
                if (i + 1 >= args.Length)
                    throw new ArgumentException($"{name} needs a value\n{Usage}");
                string v = args[++i];
                switch (name)
                {
                    case "--users":
                        a.Users = v.Split(',').Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture)).ToList();
                        break;
                    case "--latency-ms":
                        a.LatencyMs = double.Parse(v, CultureInfo.InvariantCulture);
                        break;
                    case "--bytes-per-second":
                        a.BytesPerSecond = long.Parse(v, CultureInfo.InvariantCulture);
                        break;
                    case "--seed":
                        a.Seed = int.Parse(v, CultureInfo.InvariantCulture);
                        break;
                    case "--fleet":
                        a.Fleet = v.Split(',').Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture)).ToList();
                        break;
                    case "--throttle-limit":
                        a.ThrottleLimit = int.Parse(v, CultureInfo.InvariantCulture);
                        break;
                    case "--repeat":
                        a.Repeat = int.Parse(v, CultureInfo.InvariantCulture);
                        break;
                    case "--drop-rates":
                        a.DropRates = v.Split(',')
                            .Select(s => double.Parse(s.Trim(), CultureInfo.InvariantCulture))
                            .ToList();
                        break;
                    case "--time-scale":
                        a.TimeScale = double.Parse(v, CultureInfo.InvariantCulture);
                        break;
                    case "--device-timing":
                        if (
                            !Enum.TryParse(v, true, out ZkSync.Emulator.Core.DeviceTimingMode mode)
                            || !Enum.IsDefined(mode)
                        )
                            throw new ArgumentException($"--device-timing '{v}' must be none, requests or records");
                        a.DeviceTiming = mode;
                        break;
                    case "--scenarios":
                        var list = v.Split(',').Select(s => s.Trim().ToLowerInvariant()).ToList();
                        var unknown = list.Where(s => !AllScenarios.Contains(s)).ToList();
                        if (unknown.Count > 0)
                            throw new ArgumentException($"unknown scenario {string.Join(", ", unknown)}\n{Usage}");
                        a.Scenarios = list;
                        break;
                    default:
                        throw new ArgumentException($"unknown argument {name}\n{Usage}");
                }
            }
            if (a.Users.Any(n => n < 1 || n > 10000))
                throw new ArgumentException("--users: each count must be 1-10000 (the face profile's user capacity)");
            if (a.Fleet.Any(n => n < 1 || n > 256))
                throw new ArgumentException("--fleet: each number of destinations must be 1-256");
            if (a.ThrottleLimit < 1)
                throw new ArgumentException("--throttle-limit must be at least 1");
            if (a.Repeat < 1 || a.Repeat > 20)
                throw new ArgumentException("--repeat must be 1-20");
            if (a.DropRates.Any(r => r < 0 || r > 0.5))
                throw new ArgumentException("--drop-rates: each must be 0-0.5");
            if (a.TimeScale < 1 || a.TimeScale > 10000)
                throw new ArgumentException("--time-scale must be 1-10000");
            if (a.LatencyMs < 0 || a.BytesPerSecond < 1)
                throw new ArgumentException("--latency-ms must be >= 0 and --bytes-per-second >= 1");
            return a;
        }
    }
}
