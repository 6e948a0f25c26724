using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Emulator.Core.Commands;
using ZkSync.Emulator.Core.Device;
using ZkSync.Emulator.Core.Faults;
using ZkSync.Emulator.Core.Link;
using ZkSync.Emulator.Core.Persistence;
using ZkSync.Emulator.Core.Seeding;
using ZkSync.Emulator.Core.Sessions;
using ZkSync.Emulator.Core.Transport;
using ZkSync.Sync.Backup;

namespace ZkSync.Emulator.Core
{
    /// <summary>A running emulated terminal on 127.0.0.1.</summary>
    public sealed class DeviceEmulator : IDisposable
    {
        private const int BindAttempts = 8;

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly SessionTable _sessions;
        private readonly RequestFlow _flow;
        private readonly FaultInjector _faults;
        private TcpTransport? _tcp;
        private UdpTransport? _udp;
        private int _stopped;

        private DeviceEmulator(EmulatorOptions options, DeviceState state)
        {
            Options = options;
            State = state;
            _sessions = new SessionTable(
                options.MaxSessions,
                options.UdpSessionIdleTimeout,
                options.OrphanSessionTimeout
            );
            _faults = new FaultInjector(state.Profile, Log);
            if (options.Faults != null)
                _faults.Set(options.Faults);
            Pipeline = new RequestPipeline(state, _sessions, options, Log, Counters, _faults);
            _flow = new RequestFlow(
                Pipeline,
                Counters,
                new SerialLink(options.LinkTurnaroundMs, options.LinkBytesPerSecond, options.TimeScale),
                _faults,
                Log,
                options
            );
        }

        /// <summary>Builds the device state (loaded from the state file when it exists, else seeded), binds 127.0.0.1
        /// and starts serving.</summary>
        public static Task<DeviceEmulator> StartAsync(
            EmulatorOptions options,
            CancellationToken cancellationToken = default
        )
        {
            if (options == null)
                throw new ArgumentNullException(nameof(options));
            options.Validate();
            cancellationToken.ThrowIfCancellationRequested();
            var profile = DeviceProfile.Resolve(options);
            var state =
                options.StatePath != null && File.Exists(options.StatePath)
                    ? StateFile.Load(options.StatePath, profile)
                    : Seeder.Seed(profile, options);
            var emulator = new DeviceEmulator(options, state);
            emulator.Bind();
            return Task.FromResult(emulator);
        }

        /// <summary>
        /// Starts a copy of a backed-up device: its users, fingerprints, faces, photos and attendance, and its profile
        /// and identity as far as the backup records them (record format, algorithm versions, photo family, capacities,
        /// serial number). <paramref name="options"/> gives the rest (port, transport, comm key); its profile, seeding
        /// and state-file loading are not used.
        /// </summary>
        public static Task<DeviceEmulator> StartFromAsync(
            BackupContent backup,
            EmulatorOptions? options = null,
            CancellationToken cancellationToken = default
        )
        {
            if (backup == null)
                throw new ArgumentNullException(nameof(backup));
            var derived = BackupSeeder.OptionsFor(backup, options ?? new EmulatorOptions());
            derived.Validate();
            cancellationToken.ThrowIfCancellationRequested();
            var profile = DeviceProfile.Resolve(derived);
            profile.AdoptIdentity(backup.Device);
            var emulator = new DeviceEmulator(derived, BackupSeeder.Load(backup, profile));
            emulator.Bind();
            return Task.FromResult(emulator);
        }

        public EmulatorOptions Options { get; }

        /// <summary>The bound port (TCP and UDP share it).</summary>
        public int Port { get; private set; }

        [SuppressMessage(
            "Performance",
            "CA1822",
            Justification = "Part of the emulator's address with Port; callers read it from the instance."
        )]
        public string Host => "127.0.0.1";

        /// <summary>Everything the device stores. Lock <see cref="DeviceState.Sync"/> while clients are
        /// connected.</summary>
        public DeviceState State { get; }

        public DeviceProfile Profile => State.Profile;

        public DeviceCounters Counters { get; } = new DeviceCounters();

        /// <summary>Why packets were dropped or commands refused.</summary>
        public EmulatorLog Log { get; } = new EmulatorLog();

        public int OpenSessions
        {
            get { lock (State.Sync) return _sessions.Count; }
        }

        /// <summary>Sessions whose client closed the connection without CMD_EXIT and that still hold a slot (<see
        /// cref="EmulatorOptions.OrphanSessionTimeout"/>).</summary>
        public int OrphanedSessions
        {
            get { lock (State.Sync) return _sessions.Orphans; }
        }

        internal RequestPipeline Pipeline { get; }

        /// <summary>The faults in force (a copy; change them with <see cref="SetFaults"/>).</summary>
        public FaultOptions Faults => _faults.Current;

        /// <summary>Injects <paramref name="faults"/> from now on (null = none); request triggers count from this
        /// call.</summary>
        public void SetFaults(FaultOptions? faults)
        {
            lock (State.Sync) _faults.Set(faults);
        }

        /// <summary>Restarts the device now: every session is lost (TCP connections closed), the data stays, the device
        /// is enabled.</summary>
        public void Restart() => Pipeline.Restart("on demand");

        /// <summary>Stops serving, closes every session and saves the state file when one was given.</summary>
        public async Task StopAsync()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
            _stop.Cancel();
            if (_tcp != null) await _tcp.StopAsync().ConfigureAwait(false);
            if (_udp != null) await _udp.StopAsync().ConfigureAwait(false);
            lock (State.Sync) _sessions.Clear();
            if (Options.StatePath != null)
            {
                lock (State.Sync) StateFile.Save(Options.StatePath, State);
            }
        }

        public void Dispose()
        {
            StopAsync().GetAwaiter().GetResult();
            _stop.Dispose();
        }

        /// <summary>TCP first, then UDP on the same number; with port 0 a number whose UDP side is taken is given back
        /// and another tried.</summary>
        private void Bind()
        {
            var loopback = IPAddress.Loopback;
            bool wantTcp = Options.Transport != EmulatorTransport.Udp,
                wantUdp = Options.Transport != EmulatorTransport.Tcp;
            for (int attempt = 1; ; attempt++)
            {
                TcpListener? listener = null;
                try
                {
                    int port = Options.Port;
                    if (wantTcp)
                    {
                        listener = new TcpListener(loopback, port);
                        listener.Start(16);
                        port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    }
                    UdpClient? udp = wantUdp ? new UdpClient(new IPEndPoint(loopback, port)) : null;
                    Port = udp != null ? ((IPEndPoint)udp.Client.LocalEndPoint!).Port : port;
                    if (listener != null)
                        _tcp = new TcpTransport(listener, Pipeline, _flow, Counters, Log, Options.IdleTimeout);
                    if (udp != null)
                        _udp = new UdpTransport(udp, _flow, Counters);
                    break;
                }
                catch (SocketException) when (Options.Port == 0 && attempt < BindAttempts)
                {
                    listener?.Stop();
                }
            }
            _tcp?.Start(_stop.Token);
            _udp?.Start(_stop.Token);
        }
    }
}
