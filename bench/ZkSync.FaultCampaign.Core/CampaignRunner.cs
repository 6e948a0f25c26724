using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Core;
using ZkSync.Emulator.Core.Device;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;
using ZkSync.Sync;

namespace ZkSync.FaultCampaign.Core
{
    /// <summary>
    /// For each fault kind, M times: a seeded face-profile source syncs to a fresh destination (holding a few users of
    /// its own) that injects the fault, next to a healthy second destination; then the state is checked, the fault
    /// cleared, the sync rerun, and a final run must find everything Unchanged and the devices equal.
    /// </summary>
    public sealed class CampaignRunner
    {
        private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

        /// <summary>
        /// The disable timeout every client of the campaign sends (the engine's default is a minute): short, so a
        /// device left disabled by a session the engine had to abandon (a hang) is enabled within the drain wait.
        /// </summary>
        private static readonly TimeSpan DisableTimeout = TimeSpan.FromSeconds(3);
        private readonly CampaignOptions _o;
        private readonly TextWriter? _log;

        public CampaignRunner(CampaignOptions options, TextWriter? log = null)
        {
            _o = options;
            _log = log;
        }

        public async Task<IReadOnlyList<CampaignRow>> RunAsync(CancellationToken ct = default)
        {
            using var source = await StartSourceAsync(null, ct);
            int baseline = await BaselineRequestsAsync(source);
            _log?.WriteLine(
                $"source: {_o.Users} users (face profile, seed {_o.Seed}); a fault-free sync takes {baseline} "
                    + "destination requests"
            );
            var rows = new List<CampaignRow>();
            var kinds = FaultKind
                .All(_o)
                .Where(k => _o.Only == null || k.Name.Contains(_o.Only, StringComparison.OrdinalIgnoreCase))
                .ToList();
            for (int k = 0; k < kinds.Count; k++)
            {
                var row = new CampaignRow { Fault = kinds[k].Name, Users = _o.Users };
                // A kind that changes the source's behaviour (idle close) gets a source of its own with the same data.
                using var own = kinds[k].Source == null ? null : await StartSourceAsync(kinds[k].Source, ct);
                for (int run = 0; run < _o.Runs; run++)
                {
                    ct.ThrowIfCancellationRequested();
                    var rng = new Random(unchecked(_o.Seed * 7919 + k * 104729 + run));
                    await RunOnceAsync(own ?? source, kinds[k], kinds[k].Arm(rng, baseline), row).ConfigureAwait(false);
                    row.Runs++;
                }
                _log?.WriteLine(
                    $"{row.Fault}: "
                        + (row.Ok ? "ok" : "BROKEN")
                        + string.Concat(row.Problems.Take(5).Select(p => Environment.NewLine + "  " + p))
                );
                rows.Add(row);
            }
            return rows;
        }

        private Task<DeviceEmulator> StartSourceAsync(Action<EmulatorOptions>? configure, CancellationToken ct)
        {
            var options = new EmulatorOptions
            {
                Profile = "face",
                Users = _o.Users,
                Seed = _o.Seed,
                AttendanceRecords = 0,
            };
            configure?.Invoke(options);
            return DeviceEmulator.StartAsync(options, ct);
        }

        private async Task<int> BaselineRequestsAsync(DeviceEmulator source)
        {
            using var scratch = await StartDestinationAsync();
            await KeepUsersAsync(scratch);
            long before = scratch.Counters.Requests;
            await SyncAsync(source, null, Endpoint(scratch, ZkTransportKind.Tcp));
            return (int)Math.Max(1, scratch.Counters.Requests - before);
        }

        private async Task RunOnceAsync(DeviceEmulator source, FaultKind kind, FaultOptions faults, CampaignRow row)
        {
            using var destination = await StartDestinationAsync(kind.Device);
            // Written one at a time, either destination may wait for the other: both close idle connections then.
            using var peer = await StartDestinationAsync(kind.OneAtATime ? kind.Device : null);
            var kept = await KeepUsersAsync(destination);
            int opened = Opened(destination);
            destination.Counters.Reset();
            destination.SetFaults(faults);

            var occupied = kind.Occupy == null ? null : await kind.Occupy(destination);
            if (occupied != null) opened++;
            long sourceIdleCloses = source.Counters.IdleCloses;
            var peerEndpoint = ZkClientSyncDevice.Endpoint(Options(peer, ZkTransportKind.Tcp, _o.DestinationTimeout));
            var faultyEndpoint = Endpoint(destination, kind.Transport);
            // One at a time (-ThrottleLimit 1) with sessions opened beforehand, as an admin's Connect-ZkDevice sessions
            // are: the faulty destination, written second, waits idle while the peer is written.
            var preOpened = kind.OneAtATime
                ? await Task.WhenAll(PreOpenAsync(peerEndpoint), PreOpenAsync(faultyEndpoint))
                : null;
            // An admin's sessions sit idle before the run: let the devices close them, so the sync meets closed
            // connections on every machine, however fast it would otherwise write past the idle timeout.
            if (preOpened != null)
                await Task.Delay(FaultKind.IdleClose + FaultKind.IdleClose + FaultKind.IdleClose).ConfigureAwait(false);
            SyncReport faulty;
            try
            {
                faulty =
                    preOpened != null
                        ? await SyncAsync(source, 1, preOpened[0].Endpoint, preOpened[1].Endpoint)
                        : await SyncAsync(source, null, faultyEndpoint, peerEndpoint);
            }
            finally
            {
                occupied?.Dispose(); // the other client leaves (CMD_EXIT): the slot is free again
                if (preOpened != null)
                    foreach (var d in preOpened)
                        await d.Device.CloseAsync(CancellationToken.None);
            }
            destination.SetFaults(null);
            int faultyIndex = preOpened != null ? 1 : 0; // summaries come in the order the destinations were given
            // Every user reported Succeeded, on either destination, must be stored as the source stores it.
            foreach (
                var (device, item) in faulty
                    .Items.Where(i => i.Status == SyncItemStatus.Succeeded && i.Action != SyncAction.Kept)
                    .Select(i => (i.Destination == faulty.Summaries[faultyIndex].Destination ? destination : peer, i))
            )
            {
                var differences = StoredStateDifferences.Of(source, device, item.UserId);
                if (differences.Count == 0)
                    continue;
                row.SucceededButDifferent++;
                row.Problems.Add(
                    $"after '{faults}': user {item.UserId} reported Succeeded but stored differently: "
                        + $"{string.Join(", ", differences)}"
                );
            }
            var hit = faulty.Summaries[faultyIndex];
            if (hit.Error != null)
                _log?.WriteLine($"  {kind.Name} ({faults}): destination failed as reported: {hit.Error}");
            var c = destination.Counters;
            bool idleHit =
                c.IdleCloses > 0
                || (kind.OneAtATime && peer.Counters.IdleCloses > 0)
                || source.Counters.IdleCloses > sourceIdleCloses;
            // a write dropped, then re-sent by the read-back
            bool dropped = destination.Log.Contains("ACKed and dropped");
            if (
                hit.Error != null
                || hit.Failed > 0
                || c.Retransmits > 0
                || c.Dropped > 0
                || idleHit
                || dropped
                || Opened(destination) > opened + 1
            )
                row.FaultsHit++;
            row.Unreported += faulty.Items.Count(i =>
                i.Status == SyncItemStatus.Failed && string.IsNullOrWhiteSpace(i.Notes)
            );
            if (hit.Failed > 0 && hit.Error == null && !faulty.Items.Any(i => i.Status == SyncItemStatus.Failed))
                row.Unreported++;
            var peerSummary = faulty.Summaries[1 - faultyIndex];
            if (
                peerSummary.Error == null
                && !faulty.Items.Any(i => i.Destination == peerSummary.Destination && i.Status == SyncItemStatus.Failed)
            )
                row.PeerCompleted++;
            else
                row.Problems.Add($"healthy destination failed: {peerSummary.Error}");

            // Sessions the sync ended with CMD_EXIT are gone; a session it abandoned after a timeout stays on the
            // device, as on firmware, and only the disable timeout the engine sent enables the device again then.
            if (!await DrainAsync(destination) || IsDisabled(destination) || IsDisabled(peer))
            {
                row.LeftDisabled++;
                row.Problems.Add(
                    $"left disabled after '{faults}' (open sessions {destination.OpenSessions}, "
                        + $"of them left without CMD_EXIT {destination.OrphanedSessions})"
                );
            }
            else if (destination.OrphanedSessions > 0)
                _log?.WriteLine(
                    $"  {kind.Name} ({faults}): {destination.OrphanedSessions} session(s) abandoned after a timeout "
                        + "stay on the device, as on firmware; the device is enabled"
                );

            var check = await InspectAsync(source, destination, kept);
            row.LostOrHalfWritten += check.HalfWritten + check.Lost;
            row.Staged += check.Staged;
            row.Problems.AddRange(check.Problems.Select(p => $"after '{faults}': {p}"));

            var rerun = await SyncAsync(source, null, Endpoint(destination, kind.Transport));
            var final = await SyncAsync(source, null, Endpoint(destination, kind.Transport));
            var after = await InspectAsync(source, destination, kept);
            bool completed =
                rerun.Summaries[0].Error == null
                && rerun.Items.All(i => i.Status != SyncItemStatus.Failed)
                && final.Summaries[0].Error == null
                && final.Items.All(i => i.Action == SyncAction.Unchanged || i.Action == SyncAction.Kept)
                && after.HalfWritten + after.Lost + after.Staged == 0
                && !IsDisabled(destination);
            if (completed && await AllEqualAsync(source, destination))
                row.RerunsCompleted++;
            else
                row.Problems.Add(
                    $"rerun after '{faults}' did not complete: "
                        + (rerun.Summaries[0].Error
                            ?? string.Join("; ", rerun.Items.Where(i => i.Status == SyncItemStatus.Failed).Take(3)))
                );
        }

        /// <summary>A destination connected before the sync, handed to it without ownership (it stays open
        /// afterwards).</summary>
        private static async Task<(SyncEndpoint Endpoint, ISyncDevice Device)> PreOpenAsync(SyncEndpoint endpoint)
        {
            var device = await endpoint.OpenAsync(CancellationToken.None);
            return (SyncEndpoint.Of(device), device);
        }

        private Task<DeviceEmulator> StartDestinationAsync(Action<EmulatorOptions>? configure = null)
        {
            var options = new EmulatorOptions
            {
                Profile = "face",
                Users = 0,
                Seed = _o.Seed + 1,
                AttendanceRecords = 0,
                MaxSessions = 8,
            };
            configure?.Invoke(options);
            return DeviceEmulator.StartAsync(options);
        }

        /// <summary>Users only the destination has: they must come through every fault untouched.</summary>
        private async Task<Dictionary<string, string>> KeepUsersAsync(DeviceEmulator destination)
        {
            using var client = await ZkDeviceClient.ConnectAsync(
                Options(destination, ZkTransportKind.Tcp, _o.SourceTimeout)
            );
            var users = Enumerable
                .Range(1, CampaignOptions.KeptUsers)
                .Select(i => new UserWithFingerprints(
                    new ZkUser { UserId = (990000 + i).ToString(CultureInfo.InvariantCulture), Name = "Kept " + i },
                    new List<ZkFingerprint>
                    {
                        new ZkFingerprint(0, 9, 1, Enumerable.Range(0, 500).Select(b => (byte)(b * i + 1)).ToArray()),
                    }
                ))
                .ToList();
            await client.WriteUsersAsync(users);
            await client.CloseAsync();
            await DrainAsync(destination);
            return DestinationCheck.Fingerprint(destination, users.Select(u => u.User.UserId));
        }

        private async Task<DestinationCheck.Result> InspectAsync(
            DeviceEmulator source,
            DeviceEmulator destination,
            IReadOnlyDictionary<string, string> kept
        )
        {
            var (src, dst) = await OpenBothAsync(source, destination);
            using (src)
            using (dst)
                return await DestinationCheck.InspectAsync(src, dst, destination, kept);
        }

        private async Task<bool> AllEqualAsync(DeviceEmulator source, DeviceEmulator destination)
        {
            var (src, dst) = await OpenBothAsync(source, destination);
            using (src)
            using (dst)
                return (await DeviceComparer.CompareAsync(src, dst, new SyncOptions())).All(c =>
                    c.Status == DeviceComparisonStatus.Equal || c.Status == DeviceComparisonStatus.DifferenceOnly
                );
        }

        private async Task<(ZkClientSyncDevice, ZkClientSyncDevice)> OpenBothAsync(
            DeviceEmulator source,
            DeviceEmulator destination
        )
        {
            var src = new ZkClientSyncDevice(
                await ZkDeviceClient.ConnectAsync(Options(source, ZkTransportKind.Tcp, _o.SourceTimeout)),
                ownsClient: true
            );
            var dst = new ZkClientSyncDevice(
                await ZkDeviceClient.ConnectAsync(Options(destination, ZkTransportKind.Tcp, _o.SourceTimeout)),
                ownsClient: true
            );
            return (src, dst);
        }

        private Task<SyncReport> SyncAsync(
            DeviceEmulator source,
            int? throttleLimit,
            params SyncEndpoint[] destinations
        ) =>
            SyncEngine.RunAsync(
                ZkClientSyncDevice.Endpoint(Options(source, ZkTransportKind.Tcp, _o.SourceTimeout)),
                destinations,
                new SyncOptions
                {
                    MediaBatchUsers = 8,
                    ThrottleLimit = throttleLimit ?? new SyncOptions().ThrottleLimit,
                }
            );

        private SyncEndpoint Endpoint(DeviceEmulator destination, ZkTransportKind transport) =>
            ZkClientSyncDevice.Endpoint(Options(destination, transport, _o.DestinationTimeout));

        private static ZkConnectionOptions Options(DeviceEmulator e, ZkTransportKind transport, TimeSpan timeout) =>
            new ZkConnectionOptions
            {
                Host = e.Host,
                Port = e.Port,
                Transport = transport,
                Timeout = timeout,
                Retries = 3,
                Reconnects = 2,
                DisableTimeout = DisableTimeout,
            };

        private static int Opened(DeviceEmulator e) =>
            e.Log.Entries.Count(l => l.EndsWith(" opened", StringComparison.Ordinal));

        private static bool IsDisabled(DeviceEmulator e)
        {
            lock (e.State.Sync)
                return e.State.Disabled;
        }

        /// <summary>
        /// Waits (bounded) until every session still connected has ended and the device is enabled. Sessions left
        /// without CMD_EXIT stay, as on firmware; they keep the device disabled only until the disable timeout the
        /// engine sent (<see cref="DisableTimeout"/>) runs out.
        /// </summary>
        private static async Task<bool> DrainAsync(DeviceEmulator e)
        {
            var deadline = DateTime.UtcNow + DrainTimeout;
            while (e.OpenSessions > e.OrphanedSessions || IsDisabled(e))
            {
                if (DateTime.UtcNow > deadline) return false;
                await Task.Delay(20);
            }
            return true;
        }
    }
}
