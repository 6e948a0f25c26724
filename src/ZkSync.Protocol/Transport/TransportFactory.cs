using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Transport
{
    /// <summary>Opens the transport the options ask for; Auto tries TCP and falls back to UDP when TCP is refused or times out.</summary>
    internal static class TransportFactory
    {
        /// <summary>"host:port/tcp" or "host:port/udp": how logs and messages name the device.</summary>
        public static string DeviceName(ZkConnectionOptions options, ZkTransportKind kind) => $"{options.Endpoint}/{kind.ToString().ToLowerInvariant()}";

        public static async Task<IZkTransport> OpenAsync(ZkConnectionOptions options, ILogger logger, CancellationToken cancellationToken)
        {
            var endpoint = await EndpointResolver.ResolveAsync(options.Host, options.Port, options.Endpoint, options.Timeout, cancellationToken).ConfigureAwait(false);
            switch (options.Transport)
            {
                case ZkTransportKind.Tcp:
                    return await TcpTransport.ConnectAsync(endpoint, DeviceName(options, ZkTransportKind.Tcp), options.Timeout, cancellationToken).ConfigureAwait(false);
                case ZkTransportKind.Udp:
                    return UdpTransport.Open(endpoint, DeviceName(options, ZkTransportKind.Udp));
                default:
                    try
                    {
                        return await TcpTransport.ConnectAsync(endpoint, DeviceName(options, ZkTransportKind.Tcp), options.Timeout, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is ZkConnectionException || ex is ZkTimeoutException)
                    {
                        logger.LogInformation("{Device}: TCP unavailable ({Reason}); trying UDP.", options.Endpoint, ex.Message);
                        return UdpTransport.Open(endpoint, DeviceName(options, ZkTransportKind.Udp));
                    }
            }
        }
    }
}
