using System;
using System.Globalization;
using ZkSync.FaultCampaign.Core;

// dotnet run -c Release --project bench/ZkSync.FaultCampaign -- --runs M --users U [--seed S] [--only NAME]
var options = new CampaignOptions();
for (int i = 0; i < args.Length; i++)
{
    string name = args[i];
    string? value = i + 1 < args.Length ? args[++i] : null;
    bool ok =
        value != null
        && name switch
        {
            "--runs" => Set(value, 1, 10000, n => options.Runs = n),
            "--users" => Set(value, 1, 10000, n => options.Users = n),
            "--seed" => Set(value, int.MinValue, int.MaxValue, n => options.Seed = n),
            "--only" => (options.Only = value) != null,
            _ => false,
        };
    if (!ok)
    {
        Console.Error.WriteLine(
            $"error: bad argument {name} {value}\nusage: ZkSync.FaultCampaign [--runs M] [--users U] [--seed S] "
                + "[--only NAME]"
        );
        return 2;
    }
}

var started = DateTime.UtcNow;
var rows = await new CampaignRunner(options, Console.Out).RunAsync();
Console.WriteLine();
Console.WriteLine(
    $"Fault campaign: {options.Runs} runs x {rows.Count} faults, {options.Users} users each, seed {options.Seed}, "
        + $"{(DateTime.UtcNow - started).TotalSeconds:0} s"
);
Console.WriteLine(CampaignRow.Table(rows));
bool broken = System.Linq.Enumerable.Any(rows, r => !r.Ok);
Console.WriteLine(broken ? "INVARIANT BROKEN" : "all invariants hold");
return broken ? 1 : 0;

static bool Set(string value, int min, int max, Action<int> set)
{
    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
        return false;
    set(n);
    return true;
}
