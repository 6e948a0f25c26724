using System;
using System.Threading;
using System.Threading.Tasks;

namespace ZkSync.Sync
{
    /// <summary>
    /// A device the engine opens when it gets to it, so a destination that cannot be reached becomes a failed summary
    /// for that destination instead of stopping the run.
    /// </summary>
    public sealed class SyncEndpoint
    {
        private readonly Func<CancellationToken, Task<ISyncDevice>> _open;

        /// <param name="name">Shown in results until the device is open.</param>
        /// <param name="open">Opens (connects) the device.</param>
        /// <param name="ownsDevice">True: the engine closes the device when done.</param>
        public SyncEndpoint(string name, Func<CancellationToken, Task<ISyncDevice>> open, bool ownsDevice)
        {
            Name = name;
            _open = open ?? throw new ArgumentNullException(nameof(open));
            OwnsDevice = ownsDevice;
        }

        public string Name { get; }
        public bool OwnsDevice { get; }

        /// <summary>An already open device; the caller keeps ownership.</summary>
        public static SyncEndpoint Of(ISyncDevice device) =>
            new SyncEndpoint(device.Name, _ => Task.FromResult(device), ownsDevice: false);

        public Task<ISyncDevice> OpenAsync(CancellationToken cancellationToken) => _open(cancellationToken);
    }
}
