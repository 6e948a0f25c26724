using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Client
{
    public sealed partial class ZkDeviceClient
    {
        /// <summary>
        /// One request exactly as given, the reply returned unchecked, never repeated. For the benchmark, which replays
        /// other tools' request sequences (the hybrid script's way) on this client's framing and session.
        /// </summary>
        internal Task<Packet> RawRequestAsync(
            ushort command,
            byte[]? payload = null,
            CancellationToken cancellationToken = default
        ) => RunAsync(exchange => exchange.RequestAsync(command, payload), RetrySafety.Once, cancellationToken);
    }
}
