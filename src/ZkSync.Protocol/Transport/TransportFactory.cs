using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Transport
{
    /// <summary>Opens the transport the options ask for; Auto tries TCP and falls back to UDP when TCP is refused or
    /// times out.</summary>
    internal static class TransportFactory
    {
        /// <summary>"host:port/tcp" or "host:port/udp": how logs and messages name the device.</summary>
        public static string DeviceName(ZkConnectionOptions options, ZkTransportKind kind) =>
            $"{options.Endpoint}/{kind.ToString().ToLowerInvariant()}";

        /// <summary>
        /// The failure to report when Protocol Auto found nothing on either transport: TCP's reason first (the one an
        /// admin expects), then UDP's, instead of only the fallback's timeout.
        /// </summary>
        public static ZkException AutoFailure(IZkTransport transport, ZkException udpFailure, string endpoint) =>
            transport is UdpTransport { TcpFailure: { } tcp }
            && (udpFailure is ZkConnectionException || udpFailure is ZkTimeoutException)
                ? new ZkConnectionException(
                    $"No ZKTeco terminal answered over TCP or UDP. TCP: {tcp.MessageWithoutDevice} UDP: "
                        + $"{udpFailure.MessageWithoutDevice}",
                    endpoint,
                    null,
                    udpFailure
                )
                : udpFailure;

        public static async Task<IZkTransport> OpenAsync(
            ZkConnectionOptions options,
            ILogger logger,
            CancellationToken cancellationToken
        )
        {
            var endpoint = await EndpointResolver
                .ResolveAsync(options.Host, options.Port, options.Endpoint, options.Timeout, cancellationToken)
                .ConfigureAwait(false);
            switch (options.Transport)
            {
                case ZkTransportKind.Tcp:
                    return await TcpTransport
                        .ConnectAsync(
                            endpoint,
                            DeviceName(options, ZkTransportKind.Tcp),
                            options.Timeout,
                            cancellationToken
                        )
                        .ConfigureAwait(false);
                case ZkTransportKind.Udp:
                    return UdpTransport.Open(endpoint, DeviceName(options, ZkTransportKind.Udp));
                default:
                    try
                    {
                        return await TcpTransport
                            .ConnectAsync(
                                endpoint,
                                DeviceName(options, ZkTransportKind.Tcp),
                                options.Timeout,
                                cancellationToken
                            )
                            .ConfigureAwait(false);
                    }
                    catch (ZkException ex) when (ex is ZkConnectionException || ex is ZkTimeoutException)
                    {
                        logger.TcpUnavailable(options.Endpoint, ex.MessageWithoutDevice);
                        var udp = UdpTransport.Open(endpoint, DeviceName(options, ZkTransportKind.Udp));
                        udp.TcpFailure = ex;
                        return udp;
                    }
            }
        }
    }
}
