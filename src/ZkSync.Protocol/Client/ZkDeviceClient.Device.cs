using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Client
{
    public sealed partial class ZkDeviceClient
    {
        public async Task<ZkDeviceInfo> GetDeviceInfoAsync(CancellationToken cancellationToken = default)
        {
            var info = new ZkDeviceInfo
            {
                Endpoint = Options.Endpoint,
                Transport = _connection.Session.TransportKind,
                SerialNumber = await GetOptionAsync("~SerialNumber", cancellationToken).ConfigureAwait(false) ?? "",
                DeviceName = await GetOptionAsync("~DeviceName", cancellationToken).ConfigureAwait(false) ?? "",
                Platform = _platform,
                Mac = await GetOptionAsync("MAC", cancellationToken).ConfigureAwait(false) ?? "",
                Capabilities = Capabilities,
            };
            var version = await ReadAsync(exchange => exchange.RequestAsync(CommandCode.GetVersion), cancellationToken)
                .ConfigureAwait(false);
            if (version.Command == ReplyCode.Ok)
                info.FirmwareVersion = CString(version.Payload);
            info.Counts = await GetCountsAsync(cancellationToken).ConfigureAwait(false);
            return info;
        }

        public async Task<ZkDeviceCounts> GetCountsAsync(CancellationToken cancellationToken = default)
        {
            var reply = await RequestOkAsync(
                    CommandCode.GetFreeSizes,
                    null,
                    "Reading counts and capacities",
                    RetrySafety.Read,
                    cancellationToken
                )
                .ConfigureAwait(false);
            return Decode(CommandCode.GetFreeSizes, () => FreeSizesCodec.Decode(reply.Payload));
        }

        public async Task<DateTime> GetTimeAsync(CancellationToken cancellationToken = default)
        {
            var reply = await RequestOkAsync(
                    CommandCode.GetTime,
                    null,
                    "Reading the device clock",
                    RetrySafety.Read,
                    cancellationToken
                )
                .ConfigureAwait(false);
            if (reply.Payload.Length < 4)
                throw new ZkMalformedReplyException(
                    $"Time reply has {reply.Payload.Length} bytes; expected 4.",
                    Device,
                    CommandCode.GetTime
                );
            return ZkTime.Decode(LittleEndian.U32(reply.Payload, 0));
        }

        public Task SetTimeAsync(DateTime time, CancellationToken cancellationToken = default)
        {
            uint packed;
            try
            {
                packed = ZkTime.Encode(time);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw Invalid($"Time {time:yyyy-MM-dd HH:mm:ss} is outside the device range 2000-2099.", "Time");
            }
            var payload = new byte[4];
            LittleEndian.Put(payload, 0, packed);
            return RequestOkAsync(
                CommandCode.SetTime,
                payload,
                "Setting the device clock",
                RetrySafety.Idempotent,
                cancellationToken
            );
        }

        public async Task DisableAsync(CancellationToken cancellationToken = default)
        {
            _connection.DisabledForWrites = true; // first: a disable that timed out may still have reached the device
            await RequestOkAsync(
                    CommandCode.DisableDevice,
                    DisablePayload(Options),
                    "Disabling the device",
                    RetrySafety.Idempotent,
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        /// <summary>
        /// CMD_DISABLEDEVICE's 4-byte timeout in seconds (FW commu.c: a 4-byte payload is the session's TimeOutSec;
        /// CheckSessionTimeOut enables the device once the session has been silent that long), or none.
        /// </summary>
        private static byte[]? DisablePayload(Connection.ZkConnectionOptions options)
        {
            uint seconds = (uint)Math.Ceiling(options.DisableTimeout.TotalSeconds);
            if (seconds == 0)
                return null;
            var payload = new byte[4];
            LittleEndian.Put(payload, 0, seconds);
            return payload;
        }

        /// <summary>
        /// Enables the device, first sending the refresh owed for writes made while this client had it disabled and
        /// releasing a held upload buffer. Neither failing, timing out or being cancelled keeps the device disabled:
        /// the refresh has a budget of its own (<see cref="StepBudget"/>, cut short by <paramref
        /// name="cancellationToken"/>), and the enable goes out after it in any case, with a budget the caller's
        /// cancellation does not cut. The enable is confirmed by the answer to a following request (CMD_GET_TIME): the
        /// device carries out one request at a time.
        /// </summary>
        public async Task EnableAsync(CancellationToken cancellationToken = default)
        {
            if (RefreshPending)
            {
                using var refreshBudget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                refreshBudget.CancelAfter(StepBudget);
                try
                {
                    await RefreshDataAsync(refreshBudget.Token).ConfigureAwait(false);
                }
                catch (ZkException ex) when (!(ex is ZkAuthenticationException))
                {
                    _logger.RefreshFailedEnabling(Device, ex.Reason);
                }
                catch (OperationCanceledException)
                {
                    _logger.RefreshFailedEnabling(
                        Device,
                        cancellationToken.IsCancellationRequested
                            ? "cancelled"
                            : $"no answer within {StepBudget.TotalSeconds:0} s"
                    );
                }
            }
            await ReleaseHeldBufferAsync().ConfigureAwait(false);
            // sent from here on, whatever its fate: no reconnect disables the device again
            _connection.DisabledForWrites = false;
            using var enableBudget = new CancellationTokenSource(StepBudget);
            await RequestOkAsync(
                    CommandCode.EnableDevice,
                    null,
                    "Enabling the device",
                    RetrySafety.Idempotent,
                    enableBudget.Token
                )
                .ConfigureAwait(false);
            await RequestOkAsync(
                    CommandCode.GetTime,
                    null,
                    "Confirming the device was enabled",
                    RetrySafety.Read,
                    enableBudget.Token
                )
                .ConfigureAwait(false);
        }

        /// <summary>
        /// How long one request may take with every retry and reconnect the options allow: the budget of each step of
        /// <see cref="EnableAsync"/>, which must not depend on a caller's shorter deadline.
        /// </summary>
        private TimeSpan StepBudget =>
            TimeSpan.FromTicks(Options.Timeout.Ticks * (Options.Retries + 1) * (Options.Reconnects + 1))
            + Options.Timeout;

        /// <summary>
        /// Restarts the device and closes this connection. Firmware differs in how it answers (docs/protocol.md §9): no
        /// reply, 0xFFFF, or OK followed by the connection dropping all count as success.
        /// </summary>
        public async Task RestartAsync(CancellationToken cancellationToken = default)
        {
            RequireOpen();
            try
            {
                var reply = await RunAsync(
                        exchange => exchange.RequestAsync(CommandCode.Restart, null, null, 0),
                        RetrySafety.Once,
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                if (reply.Command != ReplyCode.Ok && reply.Command != ReplyCode.Unknown)
                    throw ReplyCheck.Failure(reply, Device, CommandCode.Restart, "Restarting the device");
            }
            catch (ZkTimeoutException) { }
            catch (ZkConnectionException) { }
            _ended = true;
            _connection.Session.Abort(); // the device is going away: no CMD_EXIT
            // a restart enables the device and reloads everything
            _connection = new ConnectionState(_connection.Session);
            _logger.RestartRequested(Device);
        }

        /// <summary>An option's value (CMD_OPTIONS_RRQ), or null when the device does not know it (ACK_ERROR, 4999,
        /// 0xFFFF).</summary>
        public async Task<string?> GetOptionAsync(string name, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(name) || name.IndexOf('=') >= 0 || name.IndexOf('\0') >= 0)
                throw Invalid($"Option name '{name}' is not valid.", "Name");
            var reply = await ReadAsync(
                    exchange => exchange.RequestAsync(CommandCode.OptionsRead, OptionCodec.EncodeRequest(name)),
                    cancellationToken
                )
                .ConfigureAwait(false);
            if (
                reply.Command == ReplyCode.Error
                || reply.Command == ReplyCode.OptionNotFound
                || reply.Command == ReplyCode.Unknown
            )
                return null;
            reply.EnsureOk(Device, CommandCode.OptionsRead, $"Reading option {name}");
            return Decode(CommandCode.OptionsRead, () => OptionCodec.DecodeValue(reply.Payload, name));
        }

        private async Task<ZkCapabilities> ReadCapabilitiesAsync(CancellationToken ct)
        {
            var caps = new ZkCapabilities();
            caps.FingerprintAlgorithm = Int(await GetOptionAsync("~ZKFPVersion", ct).ConfigureAwait(false)) ?? 0;
            bool faceOn = Int(await GetOptionAsync("FaceFunOn", ct).ConfigureAwait(false)) == 1;
            int faceVersion = Int(await GetOptionAsync("ZKFaceVersion", ct).ConfigureAwait(false)) ?? 0;
            caps.FaceSupported = faceOn;
            caps.FaceAlgorithm = faceOn ? faceVersion : 0;
            int? photoOn = Int(await GetOptionAsync("PhotoFunOn", ct).ConfigureAwait(false));
            // pyzk strips any further '=' from the platform value.
            _platform = (await GetOptionAsync("~Platform", ct).ConfigureAwait(false) ?? "").Replace("=", "").Trim();
            caps.PhotoFamily = PhotoFamilyOf(_platform, photoOn);
            caps.PinWidth = Int(await GetOptionAsync("~PIN2Width", ct).ConfigureAwait(false))
                ?? await ReadPinWidthAsync(ct).ConfigureAwait(false);
            var counts = await GetCountsAsync(ct).ConfigureAwait(false);
            caps.UserFormat = await DetectUserFormatAsync(counts.Users, caps.FingerprintAlgorithm, ct)
                .ConfigureAwait(false);
            return caps;
        }

        /// <summary>The SDK treats a ZMM platform as new firmware (10009-10011); others with PhotoFunOn=1 use file
        /// commands.</summary>
        internal static PhotoCommandFamily PhotoFamilyOf(string platform, int? photoFunOn)
        {
            if (photoFunOn == 0) return PhotoCommandFamily.None;
            if (platform.IndexOf("ZMM", StringComparison.OrdinalIgnoreCase) >= 0) return PhotoCommandFamily.Zmm;
            return photoFunOn == 1 ? PhotoCommandFamily.File : PhotoCommandFamily.None;
        }

        /// <summary>CMD_GET_PINWIDTH: pyzk sends " P" (firmware ignores it) and reads one byte. 0 when
        /// unknown.</summary>
        private async Task<int> ReadPinWidthAsync(CancellationToken ct)
        {
            var reply = await ReadAsync(
                    exchange => exchange.RequestAsync(CommandCode.GetPinWidth, new byte[] { 0x20, 0x50 }),
                    ct
                )
                .ConfigureAwait(false);
            return reply.Command == ReplyCode.Ok && reply.Payload.Length >= 1 ? reply.Payload[0] : 0;
        }

        /// <summary>
        /// As real clients do: byte count of the user buffer ÷ user count. The 1503 announcement already carries the
        /// buffer size, so no chunk is read (the device buffer is released with 1502). With no users there is nothing
        /// to measure: a "_TFT" or ZMM platform means 72-byte records; another named platform (black-and-white ZEM5xx)
        /// means 28; with no platform, ZKFinger 9 means 28 and anything else 72, the format of every current terminal.
        /// </summary>
        private async Task<UserRecordFormat> DetectUserFormatAsync(int users, int fpVersion, CancellationToken ct)
        {
            if (users > 0)
            {
                int? total = await ReadAsync(
                        async exchange =>
                        {
                            var first = await exchange
                                .RequestAsync(
                                    CommandCode.PrepareBuffer,
                                    BulkPayloads.PrepareRequest(BulkReadTarget.Users)
                                )
                                .ConfigureAwait(false);
                            if (first.Command == CommandCode.Data && first.Payload.Length >= 4)
                                return (int)LittleEndian.U32(first.Payload, 0);
                            if (first.Command != ReplyCode.Ok)
                                return (int?)null;
                            var (size, _) = BulkReader.ParseAnnouncement(
                                first.Payload,
                                Device,
                                "Measuring user records"
                            );
                            await exchange
                                .RequestOkAsync(CommandCode.FreeData, null, "Releasing the user buffer")
                                .ConfigureAwait(false);
                            return size - 4;
                        },
                        ct
                    )
                    .ConfigureAwait(false);
                if (total is int t && t > 0 && t % users == 0 && (t / users == 28 || t / users == 72))
                    return (UserRecordFormat)(t / users);
                if (total is int u && u > 0)
                {
                    try
                    {
                        return UserRecordCodec.DetectFormat(u, users);
                    }
                    catch (ZkMalformedReplyException)
                    {
                        _logger.UserBufferFitsNoRecord(Device, u, users);
                    }
                }
            }
            if (
                _platform.IndexOf("TFT", StringComparison.OrdinalIgnoreCase) >= 0
                || _platform.IndexOf("ZMM", StringComparison.OrdinalIgnoreCase) >= 0
            )
                return UserRecordFormat.Extended72;
            if (_platform.Length > 0)
                return UserRecordFormat.Compact28;
            return fpVersion == 9 ? UserRecordFormat.Compact28 : UserRecordFormat.Extended72;
        }

        private static int? Int(string? value) =>
            int.TryParse((value ?? "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed)
                ? parsed
                : (int?)null;

        private static string CString(byte[] payload)
        {
            int end = Array.IndexOf(payload, (byte)0);
            return Encoding.ASCII.GetString(payload, 0, end < 0 ? payload.Length : end).Trim();
        }
    }
}
