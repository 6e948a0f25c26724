using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Connection;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Session;
using ZkSync.Protocol.Transport;

namespace ZkSync.Protocol.Client
{
    /// <summary>
    /// One open session with one device. All calls are async, take a CancellationToken, and run one command at a time
    /// on the connection. Identity across devices is the user id; uids are device-local and chosen here on writes.
    /// The areas live in partial files: Device, Users, Fingerprints, Attendance, Faces, Photos.
    /// </summary>
    public sealed partial class ZkDeviceClient : IDisposable
    {
        private readonly ILogger _logger;
        private readonly Encoding _encoding;

        /// <summary>The current connection and what holds for it; replaced on reconnect.</summary>
        private ConnectionState _connection;

        /// <summary>The device's platform (~Platform), read once at connect.</summary>
        private string _platform = "";

        /// <summary>Closed, disposed or restarted on purpose: never reconnect.</summary>
        private bool _ended;

        private ZkDeviceClient(ZkConnectionOptions options, ProtocolSession session, ILogger logger)
        {
            Options = options;
            _connection = new ConnectionState(session);
            _logger = logger;
            _encoding = Codecs.TextField.GetEncoding(options.Encoding);
        }

        /// <summary>Opens the transport, connects, authenticates with the comm key and reads capabilities.</summary>
        public static async Task<ZkDeviceClient> ConnectAsync(
            ZkConnectionOptions options,
            CancellationToken cancellationToken = default
        )
        {
            if (options == null)
                throw new ArgumentNullException(nameof(options));
            options.Validate();
            var logger = options.Logger ?? NullLogger.Instance;
            var transport = await TransportFactory.OpenAsync(options, logger, cancellationToken).ConfigureAwait(false);
            var session = new ProtocolSession(transport, options, logger, new ZkTrafficCounters());
            var client = new ZkDeviceClient(options, session, logger);
            try
            {
                await session.OpenAsync(cancellationToken).ConfigureAwait(false);
                client.Capabilities = await client.ReadCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ZkException ex)
                when (TransportFactory.AutoFailure(transport, ex, options.Endpoint) is var reported && reported != ex)
            {
                session.Dispose();
                throw reported;
            }
            catch
            {
                session.Dispose();
                throw;
            }
            var caps = client.Capabilities;
            logger.Connected(
                client.Device,
                session.SessionId,
                (int)caps.UserFormat,
                caps.PinWidth,
                caps.FingerprintAlgorithm,
                caps.FaceSupported ? "ZKFace " + caps.FaceAlgorithm : "no",
                caps.PhotoFamily
            );
            return client;
        }

        public ZkConnectionOptions Options { get; }

        /// <summary>"host:port/tcp" or "host:port/udp".</summary>
        public string Device => _connection.Session.Device;

        /// <summary>TCP or UDP: the transport this client's session runs over.</summary>
        public ZkTransportKind Transport => _connection.Session.TransportKind;

        public bool IsConnected => _connection.Session.IsOpen;

        /// <summary>
        /// The next call can be served: the client was not closed, and its connection is open or can be reopened (a
        /// connection the device closed for idleness, or one given up after Ctrl+C mid-exchange, is reopened on the
        /// next call).
        /// </summary>
        public bool IsUsable => !_ended && (_connection.Session.IsOpen || Options.Reconnects > 0);

        /// <summary>Read once at connect.</summary>
        public ZkCapabilities Capabilities { get; private set; } = new ZkCapabilities();

        public ZkTrafficCounters Traffic => _connection.Session.Traffic;

        /// <summary>Sends CMD_EXIT so the device frees the session slot, then closes the transport.</summary>
        /// <remarks>A refresh still owed for writes made while disabled is sent first.</remarks>
        public Task CloseAsync(CancellationToken cancellationToken = default)
        {
            _ended = true;
            return SayGoodbyeAsync();
        }

        public void Dispose()
        {
            _ended = true;
            if (!_connection.Session.IsOpen) return;
            // Dispose is synchronous: say goodbye on the thread pool with a bounded wait, then close regardless.
            var close = Task.Run(SayGoodbyeAsync);
            try { close.Wait(TimeSpan.FromSeconds(3)); } catch (AggregateException) { }
            _connection.Session.Dispose();
        }

        private async Task SayGoodbyeAsync()
        {
            await SettleOwedRefreshAsync().ConfigureAwait(false);
            await ReleaseHeldBufferAsync().ConfigureAwait(false);
            await _connection.Session.CloseAsync().ConfigureAwait(false);
        }

        /// <summary>One request that must answer ACK_OK.</summary>
        private Task<Packet> RequestOkAsync(
            ushort command,
            byte[]? payload,
            string what,
            RetrySafety safety,
            CancellationToken cancellationToken
        ) => RunAsync(exchange => exchange.RequestOkAsync(command, payload, what), safety, cancellationToken);

        /// <summary>A whole table by bulk read, or null when the device says there is nothing (1503 answered
        /// ACK_ERROR).</summary>
        private Task<byte[]?> ReadTableAsync(BulkReadTarget target, string what, CancellationToken cancellationToken) =>
            ReadAsync(
                async exchange =>
                {
                    try
                    {
                        var buffer = await BulkReader.ReadAsync(exchange, target, what).ConfigureAwait(false);
                        _logger.ReadTable(Device, what, buffer.Length);
                        return buffer;
                    }
                    catch (ZkDeviceErrorException ex)
                        when (ex.Command == CommandCode.PrepareBuffer && ex.ReplyCode == ReplyCode.Error)
                    {
                        // Firmware's QueryData returns nothing for an empty table and the device answers ACK_ERROR.
                        return (byte[]?)null;
                    }
                },
                cancellationToken
            );

        /// <summary>Runs a decoder; its errors do not know the device or the command: add them.</summary>
        private T Decode<T>(ushort command, Func<T> decode)
        {
            try
            {
                return decode();
            }
            catch (ZkMalformedReplyException ex)
            {
                throw new ZkMalformedReplyException(ex.Reason, Device, command, ex);
            }
        }

        /// <summary>Codec errors do not know the device; add it.</summary>
        private ZkInvalidDataException Invalid(ZkInvalidDataException ex) =>
            new ZkInvalidDataException(ex.Reason, ex.Field, Device);

        private ZkInvalidDataException Invalid(string message, string field) =>
            new ZkInvalidDataException(message, field, Device);

        private void RequireOpen()
        {
            if (_ended || (!_connection.Session.IsOpen && Options.Reconnects == 0))
                throw new ZkConnectionException("The connection is closed.", Device);
        }
    }
}
