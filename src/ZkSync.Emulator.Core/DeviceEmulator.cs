using System;
using System.Threading;
using System.Threading.Tasks;

namespace ZkSync.Emulator
{
    /// <summary>
    /// A running emulated terminal on 127.0.0.1. CONTRACT SKELETON (issue 2): bodies are filled in by the emulator work.
    /// </summary>
    public sealed class DeviceEmulator : IDisposable
    {
        /// <summary>Builds the device state (seeded or loaded), binds 127.0.0.1 and starts serving.</summary>
        public static Task<DeviceEmulator> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        public EmulatorOptions Options => throw new NotImplementedException();

        /// <summary>The bound port (TCP and UDP share it).</summary>
        public int Port => throw new NotImplementedException();

        public string Host => "127.0.0.1";

        /// <summary>Stops serving, closes every session and saves the state file when one was given.</summary>
        public Task StopAsync() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
