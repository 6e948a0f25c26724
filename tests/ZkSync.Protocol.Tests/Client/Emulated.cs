using System;
using System.Threading.Tasks;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Tests.Client
{
    /// <summary>An emulator on 127.0.0.1:0 and a client connected to it, disposed together.</summary>
    internal sealed class Emulated : IAsyncDisposable
    {
        private Emulated(DeviceEmulator emulator, ZkDeviceClient client)
        {
            Emulator = emulator;
            Client = client;
        }

        public DeviceEmulator Emulator { get; }
        public ZkDeviceClient Client { get; }

        public static Task<DeviceEmulator> StartAsync(
            string profile,
            int users = 0,
            uint commKey = 0,
            Action<EmulatorOptions>? configure = null
        )
        {
            var o = new EmulatorOptions
            {
                Port = 0,
                Profile = profile,
                Users = users,
                CommKey = commKey,
                Seed = 11,
            };
            configure?.Invoke(o);
            return DeviceEmulator.StartAsync(o);
        }

        public static ZkConnectionOptions Options(
            DeviceEmulator e,
            ZkTransportKind kind,
            uint commKey = 0,
            string encoding = "utf-8"
        ) =>
            new ZkConnectionOptions
            {
                Host = e.Host,
                Port = e.Port,
                Transport = kind,
                CommKey = commKey,
                Encoding = encoding,
                Timeout = TimeSpan.FromSeconds(5),
                Retries = 2,
            };

        public static async Task<Emulated> OpenAsync(
            string profile,
            ZkTransportKind kind,
            int users = 0,
            string encoding = "utf-8",
            Action<EmulatorOptions>? configure = null
        )
        {
            var emulator = await StartAsync(profile, users, 0, configure);
            try
            {
                var client = await ZkDeviceClient.ConnectAsync(Options(emulator, kind, 0, encoding));
                return new Emulated(emulator, client);
            }
            catch
            {
                await emulator.StopAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Client.CloseAsync();
            Client.Dispose();
            await Emulator.StopAsync();
            Emulator.Dispose();
        }
    }
}
