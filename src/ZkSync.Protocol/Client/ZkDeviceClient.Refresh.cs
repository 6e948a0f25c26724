using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Session;

namespace ZkSync.Protocol.Client
{
    /// <summary>
    /// CMD_REFRESHDATA (1013) makes firmware reload its databases and matchers after a write. A disabled device matches
    /// nobody, so the SDK's batch pattern is disable, writes, one refresh, enable (docs/protocol.md §6). This client
    /// follows it: while it has the device disabled, writes are refreshed together, once per <see
    /// cref="MaxWritesPerRefresh"/> writes and before the device is enabled again or the session ends; otherwise each
    /// write refreshes at once. The bound keeps what a lost connection can leave unrefreshed small.
    /// </summary>
    public sealed partial class ZkDeviceClient
    {
        /// <summary>Writes made with the device disabled that one refresh covers at most.</summary>
        public const int MaxWritesPerRefresh = 50;

        /// <summary>True while a refresh is owed for writes made with the device disabled.</summary>
        public bool RefreshPending => _connection.WritesOwed > 0;

        public Task RefreshDataAsync(CancellationToken cancellationToken = default) =>
            RunAsync(RefreshNowAsync, RetrySafety.Idempotent, cancellationToken);

        /// <summary>Called by every write after its command succeeded, inside that write's exchange. True when it
        /// refreshed.</summary>
        private async Task<bool> RefreshAfterWriteAsync(ZkExchange exchange)
        {
            if (_connection.DisabledForWrites && ++_connection.WritesOwed < MaxWritesPerRefresh) return false;
            return await RefreshNowAsync(exchange).ConfigureAwait(false);
        }

        /// <summary>Sends 1013 and clears what was owed. Always true (the shape RunAsync takes).</summary>
        private async Task<bool> RefreshNowAsync(ZkExchange exchange)
        {
            await exchange
                .RequestOkAsync(CommandCode.RefreshData, null, "Refreshing the device data")
                .ConfigureAwait(false);
            _connection.WritesOwed = 0;
            return true;
        }

        /// <summary>Before a goodbye: the owed refresh on the current session, best effort (the session is ending
        /// anyway).</summary>
        private async Task SettleOwedRefreshAsync()
        {
            if (_connection.WritesOwed == 0 || !_connection.Session.IsOpen) return;
            try
            {
                await _connection.Session.RunAsync(RefreshNowAsync, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ZkException ex)
            {
                _logger.RefreshFailed(Device, ex.Reason);
            }
        }
    }
}
