using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ZkSync.Bench;
using ZkSync.Bench.LinkFloor;
using ZkSync.Bench.Scenarios;

// Benchmarks of the sync engine against out-of-process emulators with a link model (bench/README.md).
BenchArgs options;
try { options = BenchArgs.Parse(args); }
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var model = new LinkModel(options.LatencyMs, options.BytesPerSecond, options.DeviceTiming, options.TimeScale);
var report = new ReportWriter(Console.Out, model);
report.Machine(model);
if (options.Has("cpu")) report.Cpu(CpuCost.Run());

string hostDll = EmulatorProcess.HostDll(
#if DEBUG
    "Debug"
#else
    "Release"
#endif
);
if (options.Has("udp-loss"))
{
    var rows = await UdpLoss.RunAsync(options, hostDll, model, report.Progress);
    UdpLoss.Write(Console.Out, rows);
}
var results = new List<ScenarioResult>();
var fleets = new List<FleetResult>();
foreach (int users in options.Scenarios.Any(s => s != "cpu" && s != "udp-loss") ? options.Users : Array.Empty<int>())
{
    var rig = new Rig(hostDll, model, users, options.Seed);
    report.Progress($"{users} users: starting the seeded source");
    await using var source = await rig.StartSourceAsync();
    var census = await DeviceCensus.ReadAsync(Rig.Connection(source));
    report.Progress(
        $"{users} users: source holds {census.Users} users, {census.Templates} templates, {census.UsersWithFaces} "
            + "users with faces"
    );

    if (options.Has("hybrid-script"))
    {
        await using var destination = await rig.StartEmptyAsync("destination (hybrid script)");
        report.Progress($"{users} users: the hybrid script's way");
        results.Add(report.Row(await HybridScript.RunAsync("hybrid-script", rig, census, source, destination)));
    }
    if (options.Has("hybrid-script-fp"))
    {
        await using var destination = await rig.StartEmptyAsync("destination (hybrid script, fingerprints only)");
        report.Progress($"{users} users: the hybrid script's way, users and fingerprints only");
        results.Add(
            report.Row(await HybridScript.RunAsync("hybrid-script-fp", rig, census, source, destination, media: false))
        );
    }
    if (options.Has("module"))
    {
        await using var copyTo1 = await rig.StartEmptyAsync("destination (Copy-ZkUser 1)");
        await using var copyTo2 = await rig.StartEmptyAsync("destination (Copy-ZkUser 2)");
        await using var syncTo1 = await rig.StartEmptyAsync("destination (Sync-ZkDevice 1)");
        await using var syncTo2 = await rig.StartEmptyAsync("destination (Sync-ZkDevice 2)");
        report.Progress($"{users} users: Copy-ZkUser vs Sync-ZkDevice through the module");
        var (copy, sync) = await ModuleCopy.RunAsync(
            rig,
            census,
            source,
            new[] { copyTo1, copyTo2 },
            new[] { syncTo1, syncTo2 }
        );
        results.Add(report.Row(copy));
        results.Add(report.Row(sync));
    }
    if (options.Has("fleet"))
    {
        foreach (int size in options.Fleet)
        {
            var fleet = await Fleet.RunAsync(rig, census, source, size, options.ThrottleLimit, report.Progress);
            report.Progress($"{users} users, {size} destinations: wall {fleet.Wall.TotalSeconds:0.0} s (measured x "
                + $"scale {fleet.ScaledWall.TotalSeconds:0.0} s), " +
                $"source {fleet.Source.RoundTrips} requests, managed peak {fleet.Measured.ManagedPeak / 1e6:0.0} MB; "
                    + $"{fleet.Outcome}");
            fleets.Add(fleet);
        }
    }
    if (options.Has("full") || options.Has("resync"))
    {
        await using var destination = await rig.StartEmptyAsync("destination");
        report.Progress($"{users} users: full sync");
        var full = await EngineSync.RunAsync(
            "full",
            rig,
            census,
            source,
            destination,
            verify: true,
            destinationFilled: false
        );
        if (options.Has("full"))
            results.Add(report.Row(full));
        if (options.Has("resync"))
        {
            report.Progress($"{users} users: unchanged re-sync");
            results.Add(
                report.Row(
                    await EngineSync.RunAsync(
                        "resync",
                        rig,
                        census,
                        source,
                        destination,
                        verify: true,
                        destinationFilled: true
                    )
                )
            );
        }
    }
    if (options.Has("full-noverify"))
    {
        await using var destination = await rig.StartEmptyAsync("destination (no verify)");
        report.Progress($"{users} users: full sync without verification");
        results.Add(
            report.Row(
                await EngineSync.RunAsync(
                    "full-noverify",
                    rig,
                    census,
                    source,
                    destination,
                    verify: false,
                    destinationFilled: false
                )
            )
        );
    }
    if (options.Has("snapshot"))
    {
        report.Progress($"{users} users: snapshot");
        results.Add(report.Row(await Snapshot.RunAsync(rig, census, source)));
    }
    if (options.Has("naive"))
    {
        await using var destination = await rig.StartEmptyAsync("destination (naive)");
        report.Progress($"{users} users: naive one-user-at-a-time copy");
        results.Add(report.Row(await NaiveSync.RunAsync("naive", rig, census, source, destination)));
    }
    if (options.Has("full-fp"))
    {
        await using var destination = await rig.StartEmptyAsync("destination (fingerprints only)");
        report.Progress($"{users} users: full sync of users and fingerprints only");
        results.Add(
            report.Row(
                await EngineSync.RunAsync(
                    "full-fp",
                    rig,
                    census,
                    source,
                    destination,
                    verify: true,
                    destinationFilled: false,
                    media: false
                )
            )
        );
    }
    if (options.Has("full-fp-noverify"))
    {
        await using var destination = await rig.StartEmptyAsync("destination (fingerprints only, no verify)");
        report.Progress($"{users} users: full sync of users and fingerprints only, without verification");
        results.Add(
            report.Row(
                await EngineSync.RunAsync(
                    "full-fp-noverify",
                    rig,
                    census,
                    source,
                    destination,
                    verify: false,
                    destinationFilled: false,
                    media: false
                )
            )
        );
    }
    if (options.Has("naive-fp"))
    {
        await using var destination = await rig.StartEmptyAsync("destination (naive, fingerprints only)");
        report.Progress($"{users} users: naive copy of users and fingerprints only");
        results.Add(report.Row(await NaiveSync.RunAsync("naive-fp", rig, census, source, destination, media: false)));
    }
}
if (fleets.Count > 0)
{
    Fleet.Table(Console.Out, fleets);
    Fleet.Targets(Console.Out, fleets);
}
if (results.Count > 0)
{
    report.Table(results);
    report.Targets(results);
}
return 0;
