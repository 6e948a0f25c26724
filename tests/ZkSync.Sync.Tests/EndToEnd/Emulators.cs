using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;
using ZkSync.Sync;

namespace ZkSync.Sync.Tests.EndToEnd
{
    /// <summary>Emulators on 127.0.0.1:0 for end-to-end syncs, stopped together.</summary>
    internal sealed class Emulators : IAsyncDisposable
    {
        private readonly List<DeviceEmulator> _started = new List<DeviceEmulator>();

        public async Task<DeviceEmulator> StartAsync(
            string profile,
            int users = 0,
            Action<EmulatorOptions>? configure = null
        )
        {
            var o = new EmulatorOptions
            {
                Port = 0,
                Profile = profile,
                Users = users,
                Seed = 5,
                AttendanceRecords = 0,
            };
            configure?.Invoke(o);
            var e = await DeviceEmulator.StartAsync(o);
            _started.Add(e);
            return e;
        }

        public static ZkConnectionOptions Options(DeviceEmulator e) => Options(e.Port);

        public static ZkConnectionOptions Options(int port) => new ZkConnectionOptions
        {
            Host = "127.0.0.1",
            Port = port,
            Transport = ZkTransportKind.Tcp,
            Timeout = TimeSpan.FromSeconds(3),
            Retries = 1,
        };

        public static SyncEndpoint Endpoint(DeviceEmulator e) => ZkClientSyncDevice.Endpoint(Options(e));

        public static Task<ZkDeviceClient> ConnectAsync(DeviceEmulator e) => ZkDeviceClient.ConnectAsync(Options(e));

        /// <summary>
        /// A session the test keeps open across a sync, so the device's disabled state is the sync's doing: firmware
        /// (and the emulator) enables a device by itself when its last session ends, which would hide a missing
        /// CMD_ENABLEDEVICE.
        /// </summary>
        public static Task<ZkDeviceClient> ObserveAsync(DeviceEmulator e) => ZkDeviceClient.ConnectAsync(Options(e));

        /// <summary>A loopback port nothing listens on: bound by the OS, then released.</summary>
        public static int ClosedPort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var e in _started)
            {
                await e.StopAsync();
                e.Dispose();
            }
        }
    }
}
