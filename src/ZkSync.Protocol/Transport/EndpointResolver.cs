using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ZkSync.Protocol.Errors;

namespace ZkSync.Protocol.Transport
{
    /// <summary>Host name or address to an IPv4/IPv6 endpoint (devices are addressed by IP almost always).</summary>
    internal static class EndpointResolver
    {
        public static async Task<IPEndPoint> ResolveAsync(
            string host,
            int port,
            string device,
            TimeSpan timeout,
            CancellationToken cancellationToken
        )
        {
            if (IPAddress.TryParse(host, out var ip))
                return new IPEndPoint(ip, port);
            var lookup = Dns.GetHostAddressesAsync(host);
            if (!await TaskTimeout.CompletesWithin(lookup, timeout, cancellationToken).ConfigureAwait(false))
            {
                TaskTimeout.Forget(lookup);
                throw new ZkTimeoutException($"Name lookup of '{host}' timed out.", device);
            }
            IPAddress[] addresses;
            try
            {
                addresses = await lookup.ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new ZkConnectionException($"Cannot resolve host '{host}'.", device, null, ex);
            }
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? addresses.FirstOrDefault();
            if (chosen == null)
                throw new ZkConnectionException($"Host '{host}' has no address.", device);
            return new IPEndPoint(chosen, port);
        }
    }
}
