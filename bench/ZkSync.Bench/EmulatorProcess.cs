using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ZkSync.Bench.LinkFloor;

namespace ZkSync.Bench
{
    /// <summary>
    /// One emulated terminal in its own process (the built console host), so its hundreds of MB of faces and photos do
    /// not count against the engine's memory. Counters come from the host's <c>stats</c> command on standard input;
    /// closing standard input stops it.
    /// </summary>
    internal sealed class EmulatorProcess : IAsyncDisposable
    {
        private static readonly Regex Listening = new Regex(@"listening on 127\.0\.0\.1:(\d+)", RegexOptions.Compiled);
        private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
        private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
        private readonly Process _process;
        private readonly List<string> _errors = new List<string>();

        private EmulatorProcess(Process process, string name)
        {
            _process = process;
            Name = name;
        }

        public string Name { get; }
        public int Port { get; private set; }

        /// <summary>Starts the host with <paramref name="args"/> (port 0 is added) and waits for its listening
        /// line.</summary>
        public static async Task<EmulatorProcess> StartAsync(string name, string hostDll, IEnumerable<string> args)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(hostDll);
            info.ArgumentList.Add("--port");
            info.ArgumentList.Add("0");
            foreach (var a in args)
                info.ArgumentList.Add(a);
            var process = Process.Start(info)
                ?? throw new InvalidOperationException("could not start the emulator host");
            var emulator = new EmulatorProcess(process, name);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data != null)
                    lock (emulator._errors)
                        emulator._errors.Add(e.Data);
            };
            process.BeginErrorReadLine();
            var line = await ReadLineAsync(process, StartTimeout).ConfigureAwait(false);
            var match = line == null ? null : Listening.Match(line);
            if (match == null || !match.Success)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException(
                    $"emulator {name} did not start: {line ?? "no output"} {emulator.ErrorText()}"
                );
            }
            emulator.Port = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return emulator;
        }

        /// <summary>The host's counters since start or the last <see cref="ResetStatsAsync"/>.</summary>
        public async Task<LinkStats> StatsAsync() => Link(await StatsLineAsync().ConfigureAwait(false));

        /// <summary>The link counters and the loss counters (datagrams dropped, requests answered from the reply
        /// cache).</summary>
        public async Task<Scenarios.UdpLoss.HostStats> StatsJsonAsync()
        {
            var line = await StatsLineAsync().ConfigureAwait(false);
            return Scenarios.UdpLoss.HostStats.Parse(Link(line), line);
        }

        private async Task<string> StatsLineAsync()
        {
            await _process.StandardInput.WriteLineAsync("stats").ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            return await ReadLineAsync(_process, ReplyTimeout).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"emulator {Name} did not answer 'stats' {ErrorText()}");
        }

        private static LinkStats Link(string line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return new LinkStats(root.GetProperty("requests").GetInt64(), root.GetProperty("roundTrips").GetInt64(),
                root.GetProperty("bytesIn").GetInt64(), root.GetProperty("bytesOut").GetInt64(),
                root.TryGetProperty("deviceMicroseconds", out var device) ? device.GetInt64() : 0);
        }

        /// <summary>Zeroes the counters; returns once the host has done so (it answers stdin lines in order).</summary>
        public async Task ResetStatsAsync()
        {
            await _process.StandardInput.WriteLineAsync("reset-stats").ConfigureAwait(false);
            var zero = await StatsAsync().ConfigureAwait(false);
            if (zero.Requests != 0)
                throw new InvalidOperationException($"emulator {Name} was busy while its counters were reset");
        }

        /// <summary>Peak working set of the emulator process (for the record: it is not the engine's memory).</summary>
        public long PeakWorkingSet
        {
            get
            {
                try { _process.Refresh(); return _process.PeakWorkingSet64; }
                catch (InvalidOperationException) { return 0; }
            }
        }

        public async ValueTask DisposeAsync()
        {
            try { _process.StandardInput.Close(); } catch (IOException) { }
            var exited = _process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(20))).ConfigureAwait(false) != exited)
            {
                // Only this process, which the benchmark started.
                _process.Kill();
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
            _process.Dispose();
        }

        private string ErrorText()
        {
            lock (_errors) return _errors.Count == 0 ? "" : "(stderr: " + string.Join(" | ", _errors) + ")";
        }

        private static async Task<string?> ReadLineAsync(Process process, TimeSpan timeout)
        {
            var read = process.StandardOutput.ReadLineAsync();
            if (await Task.WhenAny(read, Task.Delay(timeout)).ConfigureAwait(false) != read) return null;
            return await read.ConfigureAwait(false);
        }

        /// <summary>The built console host, next to the repository root this benchmark runs from.</summary>
        public static string HostDll(string configuration)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "ZkSyncPowerShell.sln")))
                dir = dir.Parent;
            if (dir == null)
                throw new InvalidOperationException("run the benchmark from inside the repository");
            var dll = Path.Combine(
                dir.FullName,
                "src",
                "ZkSync.Emulator",
                "bin",
                configuration,
                "net10.0",
                "ZkSync.Emulator.dll"
            );
            if (!File.Exists(dll))
                throw new InvalidOperationException($"{dll} is missing; build src/ZkSync.Emulator -c {configuration}");
            return dll;
        }
    }
}
