using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using ZkSync.Protocol.Client;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Session;
using ZkSync.Protocol.Transport;

namespace ZkSync.Protocol.Tests.Scripted
{
    /// <summary>Builds engine objects against a scripted peer.</summary>
    internal static class Sessions
    {
        public static ZkConnectionOptions Options(
            int port,
            ZkTransportKind kind,
            double timeoutSeconds = 2,
            int retries = 0,
            uint commKey = 0
        ) =>
            new ZkConnectionOptions
            {
                Host = "127.0.0.1",
                Port = port,
                Transport = kind,
                Timeout = TimeSpan.FromSeconds(timeoutSeconds),
                Retries = retries,
                CommKey = commKey,
            };

        /// <summary>A session over a fresh transport, not yet opened (no CMD_CONNECT sent).</summary>
        public static async Task<ProtocolSession> CreateAsync(
            ZkConnectionOptions options,
            CancellationToken ct = default
        )
        {
            var transport = await TransportFactory.OpenAsync(options, NullLogger.Instance, ct);
            return new ProtocolSession(transport, options, NullLogger.Instance, new ZkTrafficCounters());
        }

        public static async Task<ProtocolSession> OpenAsync(ZkConnectionOptions options, CancellationToken ct = default)
        {
            var session = await CreateAsync(options, ct);
            await session.OpenAsync(ct);
            return session;
        }

        /// <summary>A loopback port with nothing listening: bind, note the port, close.</summary>
        public static int ClosedPort()
        {
            var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }
    }
}
