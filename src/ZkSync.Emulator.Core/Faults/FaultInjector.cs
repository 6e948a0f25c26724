using System;
using ZkSync.Emulator.Core.Commands;
using ZkSync.Emulator.Core.Device;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Core.Faults
{
    /// <summary>
    /// Decides, for the two choke points only, what the armed <see cref="FaultOptions"/> do: requests on their way in
    /// (<see cref="OnRequest"/>, <see cref="InjectedError"/>), replies on their way out (<see
    /// cref="DropReplyDatagram"/>, <see cref="CutLargeReply"/>). Thread-safe: TCP connections and the UDP loop ask
    /// concurrently.
    /// </summary>
    internal sealed class FaultInjector
    {
        private readonly object _sync = new object();
        private readonly DeviceProfile _profile;
        private readonly EmulatorLog _log;
        private readonly int _normalUserCapacity;
        private FaultOptions _faults = new FaultOptions();
        private Random _random = new Random(1);
        private long _requests, _uploadPackets;
        private bool _resetFired, _cutFired, _uploadFired, _delayFired, _restartFired, _loseFired;
        private bool _ackDropCounting;
        private int _ackDropSeen;

        public FaultInjector(DeviceProfile profile, EmulatorLog log)
        {
            _profile = profile;
            _log = log;
            _normalUserCapacity = profile.UserCapacity;
        }

        /// <summary>A copy of the faults in force.</summary>
        public FaultOptions Current
        {
            get { lock (_sync) return _faults.Clone(); }
        }

        /// <summary>Arms <paramref name="faults"/> (null = none): counters restart at zero, one-shot faults are
        /// re-armed.</summary>
        public void Set(FaultOptions? faults)
        {
            var copy = faults?.Clone() ?? new FaultOptions();
            copy.Validate();
            lock (_sync)
            {
                _faults = copy;
                _random = new Random(copy.Seed);
                _requests = _uploadPackets = 0;
                _resetFired = _cutFired = _uploadFired = _delayFired = _restartFired = _loseFired = false;
                _ackDropCounting = copy.AckAndDropAfterCommand == null;
                _ackDropSeen = 0;
                _profile.LimitUserCapacity(
                    copy.FullAtUsers is int full ? Math.Min(full, _normalUserCapacity) : (int?)null
                );
            }
            _log.Add($"faults set: {copy}");
        }

        /// <summary>Counts the request and decides its fate.</summary>
        public RequestFault OnRequest(EmulatorTransport transport, byte[] packet)
        {
            lock (_sync)
            {
                long n = ++_requests;
                var f = _faults;
                if (f.HangAfterRequests is int hang && n >= hang)
                    return Lost("the device hangs");
                if (transport == EmulatorTransport.Udp && Chance(f.UdpDropRate))
                    return Lost("UDP request datagram lost");
                ushort? command = packet.Length >= 2 ? LittleEndian.U16(packet, 0) : (ushort?)null;
                if (transport != EmulatorTransport.Tcp)
                {
                    if (_loseFired || f.DropReplyToCommand == null || command != f.DropReplyToCommand)
                        return Timing(f, n);
                    _loseFired = true;
                    return new RequestFault { LoseReply = true, Why = $"reply to command {command} lost" };
                }

                bool isData = command == CommandCode.Data;
                if (isData)
                    _uploadPackets++;
                if (!_uploadFired && isData && f.ResetAfterUploadDataPackets is int k && _uploadPackets >= k)
                {
                    _uploadFired = true;
                    return new RequestFault
                    {
                        ResetInsteadOfReply = true,
                        Why = $"connection reset after upload data packet {_uploadPackets}",
                    };
                }
                if (!_resetFired && f.ResetAfterRequests is int r && n >= r)
                {
                    _resetFired = true;
                    return new RequestFault
                    {
                        ResetInsteadOfReply = true,
                        Why = $"connection reset instead of answering request {n}",
                    };
                }
                return Timing(f, n);
            }
        }

        /// <summary>CMD_ACK_ERROR instead of executing, when the command is the chosen one.</summary>
        public Reply? InjectedError(CommandContext c)
        {
            ushort? command;
            lock (_sync) command = _faults.ErrorCommand;
            return command == c.Request.Command ? c.Refuse("fault injection: ACK_ERROR to this command") : null;
        }

        /// <summary>
        /// CMD_ACK_OK without executing, for the one chosen request of <see cref="FaultOptions.AckAndDropCommand"/>.
        /// Called once per new request (retransmissions are answered from the cache before this).
        /// </summary>
        public Reply? AckAndDrop(CommandContext c)
        {
            ushort command = c.Request.Command;
            int seen;
            lock (_sync)
            {
                var f = _faults;
                if (f.AckAndDropCommand == null)
                    return null;
                if (!_ackDropCounting && command == f.AckAndDropAfterCommand)
                    _ackDropCounting = true;
                if (!_ackDropCounting || command != f.AckAndDropCommand || ++_ackDropSeen != f.AckAndDropOccurrence)
                    return null;
                seen = _ackDropSeen;
            }
            c.Log.Add($"{c.Session}: fault injection: request {seen} of command {command} ACKed and dropped");
            return c.Ok(sessionField: command == CommandCode.UserTemplateExWrite ? (ushort?)0 : null);
        }

        /// <summary>Loses the tail of the complete upload buffer a chosen consuming command is about to use.</summary>
        public void DamageUpload(CommandContext c)
        {
            ushort? command;
            lock (_sync) command = _faults.DamageUploadOf;
            var upload = c.Session.Upload;
            if (command != c.Request.Command || upload == null || !upload.IsComplete) return;
            upload.LoseTail();
            _log.Add($"{c.Session}: fault injection: the upload buffer for command {c.Request.Command} lost its tail");
        }

        /// <summary>True when a UDP reply datagram is to be lost.</summary>
        public bool DropReplyDatagram()
        {
            lock (_sync) return Chance(_faults.UdpDropRate);
        }

        /// <summary>How many data packets of this large reply go out before the TCP connection is reset; null =
        /// all.</summary>
        public int? CutLargeReply(Reply reply, EmulatorTransport transport)
        {
            if (!reply.IsLargeData || transport != EmulatorTransport.Tcp) return null;
            lock (_sync)
            {
                if (_cutFired || !(_faults.ResetAfterReplyDataPackets is int k)) return null;
                int dataPackets = reply.Packets.Count - 2; // PREPARE_DATA, data..., ACK_OK
                if (dataPackets <= k) return null;
                _cutFired = true;
                return k;
            }
        }

        private RequestFault Timing(FaultOptions f, long n)
        {
            bool delay = !_delayFired && f.DelayReplyAfterRequests is int d && n >= d;
            bool restart = !_restartFired && f.RestartAfterRequests is int r && n >= r;
            if (!delay && !restart) return RequestFault.None;
            _delayFired |= delay;
            _restartFired |= restart;
            return new RequestFault
            {
                Delay = delay ? f.ReplyDelay : TimeSpan.Zero,
                RestartAfterReply = restart,
                Why =
                    (delay ? $"reply to request {n} delayed {f.ReplyDelay.TotalMilliseconds:0} ms " : "")
                    + (restart ? $"restart after request {n}" : ""),
            };
        }

        private static RequestFault Lost(string why) => new RequestFault { Drop = true, Why = why };

        private bool Chance(double rate) => rate > 0 && _random.NextDouble() < rate;
    }
}
