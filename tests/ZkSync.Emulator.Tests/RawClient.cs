using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using ZkSync.Emulator.Core;
using ZkSync.Protocol.Bulk;
using ZkSync.Protocol.Framing;

namespace ZkSync.Emulator.Tests
{
    /// <summary>
    /// A deliberately dumb client for tests: sends packets built with the foundation's Packet/TcpEnvelope and reads
    /// replies one packet at a time, every wait bounded by a timeout (a missing reply returns null, never hangs).
    /// </summary>
    internal sealed class RawClient : IDisposable
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
        public static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(400);

        private readonly Socket _socket;
        private readonly bool _tcp;
        private readonly IPEndPoint _device;
        private readonly List<byte> _stream = new List<byte>();

        private RawClient(Socket socket, bool tcp, IPEndPoint device)
        {
            _socket = socket;
            _tcp = tcp;
            _device = device;
        }

        public static RawClient Tcp(int port)
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var ep = new IPEndPoint(IPAddress.Loopback, port);
            var connect = s.BeginConnect(ep, null, null);
            if (!connect.AsyncWaitHandle.WaitOne(Timeout))
            {
                s.Dispose();
                throw new TimeoutException("TCP connect timed out");
            }
            s.EndConnect(connect);
            return new RawClient(s, true, ep);
        }

        public static RawClient Udp(int port)
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return new RawClient(s, false, new IPEndPoint(IPAddress.Loopback, port));
        }

        public static RawClient Open(EmulatorTransport transport, int port) =>
            transport == EmulatorTransport.Udp ? Udp(port) : Tcp(port);

        public bool IsTcp => _tcp;
        public ushort SessionId { get; set; }
        public ushort ReplyId { get; set; }

        /// <summary>CMD_CONNECT with reply id 0; adopts the session id of the reply whatever its code.</summary>
        public Packet Connect()
        {
            ReplyId = 0;
            SendPacket(new Packet(CommandCode.Connect, 0, 0));
            var reply = Receive() ?? throw new TimeoutException("no reply to CMD_CONNECT");
            SessionId = reply.SessionId;
            return reply;
        }

        /// <summary>Sends with the next reply id and returns the first reply packet (throws on timeout).</summary>
        public Packet Request(ushort command, byte[]? payload = null)
        {
            Send(command, payload);
            return Receive() ?? throw new TimeoutException($"no reply to command {command}");
        }

        public void Send(ushort command, byte[]? payload = null)
        {
            ReplyId = ReplyIds.Next(ReplyId);
            SendPacket(new Packet(command, SessionId, ReplyId, payload));
        }

        public void SendPacket(Packet p) => SendBytes(p.Encode());

        /// <summary>TCP: sends a whole frame, envelope included, exactly as another client's code builds it.</summary>
        public void SendRawTcp(byte[] frame) => _socket.Send(frame);

        /// <summary>Sends packet bytes as they are (tests corrupt them); TCP adds the envelope.</summary>
        public void SendBytes(byte[] packet)
        {
            var bytes = _tcp ? TcpEnvelope.Wrap(packet) : packet;
            if (_tcp) _socket.Send(bytes);
            else _socket.SendTo(bytes, _device);
        }

        /// <summary>The next packet, or null when nothing arrives within <paramref name="timeout"/> (or the connection
        /// closed).</summary>
        public Packet? Receive(TimeSpan? timeout = null)
        {
            var deadline = DateTime.UtcNow + (timeout ?? Timeout);
            if (!_tcp)
            {
                if (!Wait(deadline)) return null;
                var buffer = new byte[70000];
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int n = _socket.ReceiveFrom(buffer, ref from);
                return Decode(buffer, 0, n);
            }
            while (true)
            {
                if (_stream.Count >= 8)
                {
                    int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(_stream.GetRange(4, 4).ToArray());
                    if (_stream.Count >= 8 + length)
                    {
                        var frame = _stream.GetRange(8, length).ToArray();
                        _stream.RemoveRange(0, 8 + length);
                        return Decode(frame, 0, frame.Length);
                    }
                }
                if (!Wait(deadline)) return null;
                var chunk = new byte[70000];
                int n = _socket.Receive(chunk);
                if (n == 0) return null;
                for (int i = 0; i < n; i++) _stream.Add(chunk[i]);
            }
        }

        /// <summary>True when the device sends nothing for <see cref="Silence"/>.</summary>
        public bool StaysSilent() => Receive(Silence) == null;

        /// <summary>True when the TCP connection was closed by the device (read returns 0) within the
        /// timeout.</summary>
        public bool IsClosedByPeer()
        {
            var deadline = DateTime.UtcNow + Timeout;
            if (!Wait(deadline)) return false;
            try { return _socket.Receive(new byte[1]) == 0; }
            catch (SocketException) { return true; }
        }

        /// <summary>Receives a large-data sequence after a request: PREPARE_DATA, DATA chunks, final ACK_OK.</summary>
        public LargeReply ReceiveLarge(Packet first)
        {
            var result = new LargeReply { First = first };
            if (first.Command != CommandCode.PrepareData) return result;
            int total = (int)BinaryPrimitives.ReadUInt32LittleEndian(first.Payload);
            var data = new List<byte>();
            while (true)
            {
                var p = Receive() ?? throw new TimeoutException("large-data reply stopped");
                if (p.Command == CommandCode.Data)
                {
                    result.Chunks.Add(p);
                    data.AddRange(p.Payload);
                    continue;
                }
                result.Final = p;
                break;
            }
            result.Data = data.ToArray();
            if (result.Data.Length != total)
                throw new InvalidOperationException($"announced {total} bytes, got {result.Data.Length}");
            return result;
        }

        /// <summary>The whole 1503/1504/1502 conversation for one table, as pyzk runs it.</summary>
        public byte[] BulkRead(BulkReadTarget target, int chunk = 65472)
        {
            var first = Request(CommandCode.PrepareBuffer, BulkPayloads.PrepareRequest(target));
            if (first.Command == CommandCode.Data)
                return first.Payload;
            if (first.Command != ReplyCode.Ok)
                throw new InvalidOperationException($"1503 answered {first.Command}");
            BulkPayloads.DecodeAnnouncement(first.Payload, out int size, out _);
            var buffer = new List<byte>();
            for (int offset = 0; offset < size; offset += chunk)
            {
                var reply = Request(
                    CommandCode.ReadBuffer,
                    BulkPayloads.ReadChunkRequest(offset, Math.Min(chunk, size - offset))
                );
                buffer.AddRange(reply.Command == CommandCode.Data ? reply.Payload : ReceiveLarge(reply).Data);
            }
            Require(Request(CommandCode.FreeData), ReplyCode.Ok);
            return buffer.ToArray();
        }

        /// <summary>1500 then 1501 slices (pyzk uses 1,024-byte slices); each must be acknowledged with OK.</summary>
        public void Upload(byte[] data, int slice = 1024)
        {
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
            Require(Request(CommandCode.PrepareData, size), ReplyCode.Ok);
            for (int o = 0; o < data.Length; o += slice)
                Require(
                    Request(CommandCode.Data, data.AsSpan(o, Math.Min(slice, data.Length - o)).ToArray()),
                    ReplyCode.Ok
                );
        }

        public static Packet Require(Packet p, ushort code)
        {
            if (p.Command != code)
                throw new InvalidOperationException($"expected reply {code}, got {p}");
            return p;
        }

        public void Dispose()
        {
            try { _socket.Dispose(); } catch { }
        }

        private bool Wait(DateTime deadline)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return _socket.Poll(0, SelectMode.SelectRead);
            return _socket.Poll((int)Math.Min(int.MaxValue, left.TotalMilliseconds * 1000), SelectMode.SelectRead);
        }

        private static Packet Decode(byte[] b, int o, int n)
        {
            if (!Packet.TryDecode(b, o, n, out var p, out bool valid))
                throw new InvalidOperationException($"undecodable {n}-byte packet");
            if (!valid)
                throw new InvalidOperationException($"device sent a bad checksum: {p}");
            return p;
        }
    }

    internal sealed class LargeReply
    {
        public Packet First { get; set; } = null!;
        public List<Packet> Chunks { get; } = new List<Packet>();
        public Packet? Final { get; set; }
        public byte[] Data { get; set; } = Array.Empty<byte>();
    }
}
