using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;

using ZkSync.Bench.LinkFloor;

namespace ZkSync.Bench.Scenarios
{
    /// <summary>
    /// The README's lead pipeline against the sync, through the module in a hosted PowerShell 7 (as the demo runs it):
    /// <c>$users | Copy-ZkUser -Destination $d</c> of every user of the source, then <c>Sync-ZkDevice</c> of the same
    /// users to another empty destination. Both copy users, fingerprints, faces and photos, verify on, no confirmation
    /// prompt. Two rounds in alternating order; the faster run of each counts.
    /// </summary>
    internal static class ModuleCopy
    {
        public static async Task<(ScenarioResult Copy, ScenarioResult Sync)> RunAsync(
            Rig rig,
            DeviceCensus census,
            EmulatorProcess source,
            IReadOnlyList<EmulatorProcess> copyDestinations,
            IReadOnlyList<EmulatorProcess> syncDestinations
        )
        {
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            Invoke(
                runspace,
                $"Import-Module '{ModulePath()}'; $src = {Connect(source)}; $users = @(Get-ZkUser -Session $src)"
            );

            // Rounds in alternating order (copy first, then sync first), each to fresh empty destinations; the faster
            // run of each cmdlet counts, so neither pays alone for JIT warm-up or a burst of load on a shared machine.
            Measurement? copy = null,
                sync = null;
            int copied = 0,
                synced = 0;
            for (int round = 0; round < copyDestinations.Count; round++)
            {
                Invoke(
                    runspace,
                    $"$copyTo = {Connect(copyDestinations[round])}; $syncTo = {Connect(syncDestinations[round])}"
                );
                var copyRun = (
                    Links: new[] { source, copyDestinations[round] },
                    Script: "@($users | Copy-ZkUser -Destination $copyTo -Confirm:$false "
                        + "| Where-Object Status -eq 'Copied').Count"
                );
                var syncRun = (
                    Links: new[] { source, syncDestinations[round] },
                    Script: "@(Sync-ZkDevice -Source $src -Destination $syncTo -Confirm:$false "
                        + "| Where-Object Action -eq 'Added').Count"
                );
                foreach (bool isCopy in round % 2 == 0 ? new[] { true, false } : new[] { false, true })
                {
                    var run = isCopy ? copyRun : syncRun;
                    int count = 0;
                    var m = await Measurement
                        .RunAsync(run.Links, () =>
                        {
                            count = Invoke(runspace, run.Script);
                            return Task.CompletedTask;
                        })
                        .ConfigureAwait(false);
                    if (isCopy)
                    {
                        copied = count;
                        if (copy == null || m.Wall < copy.Wall)
                            copy = m;
                    }
                    else
                    {
                        synced = count;
                        if (sync == null || m.Wall < sync.Wall)
                            sync = m;
                    }
                }
            }
            Invoke(runspace, "Get-ZkSession | Disconnect-ZkDevice");

            var copyResult = new ScenarioResult(
                "module-copy",
                rig.Users,
                "on",
                copy!,
                Work(census),
                rig.Model,
                0,
                $"Copy-ZkUser of {census.Users} piped users: {copied} copied (best of {copyDestinations.Count})",
                copied == census.Users
            );
            var syncResult = new ScenarioResult(
                "module-sync",
                rig.Users,
                "on",
                sync!,
                Work(census),
                rig.Model,
                0,
                $"Sync-ZkDevice of the same users: {synced} added (best of {syncDestinations.Count})",
                synced == census.Users
            );
            return (copyResult, syncResult);
        }

        private static string Connect(EmulatorProcess device) =>
            $"Connect-ZkDevice -IPAddress 127.0.0.1 -Port {device.Port} -Protocol Tcp -Timeout 30";

        private static LinkWork[] Work(DeviceCensus census) =>
            new[]
            {
                census.ReadTables(new LinkWork()).ReadItems(2 * census.Users),
                census.ReadTables(new LinkWork()).ReadItems(2 * census.Users),
            };

        /// <summary>Runs a script; its last output as a number (0 if none); throws on errors.</summary>
        private static int Invoke(Runspace runspace, string script)
        {
            using var ps = PowerShell.Create(runspace);
            ps.AddScript(script);
            var output = ps.Invoke();
            if (ps.HadErrors)
                throw new InvalidOperationException(
                    "module scenario: " + string.Join("; ", ps.Streams.Error.Select(e => e.ToString()))
                );
            return output.Count > 0 && output[^1]?.BaseObject is int n ? n : 0;
        }

        private static string ModulePath()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "ZkSyncPowerShell.sln")))
                dir = dir.Parent;
            string psd1 = Path.Combine(dir?.FullName ?? ".", "out", "ZkSync", "ZkSync.psd1");
            if (!File.Exists(psd1))
                throw new InvalidOperationException($"{psd1} is missing; build src/ZkSync.PowerShell");
            return psd1;
        }
    }
}
