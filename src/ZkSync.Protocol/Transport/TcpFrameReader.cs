using System;
using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;

namespace ZkSync.Protocol.Transport
{
    /// <summary>
    /// Cuts a TCP byte stream into packets using the 8-byte envelope. Bytes are pushed in as they arrive, in any
    /// split; whole packets come out. The length is checked before anything is allocated for it, so a lying length
    /// costs nothing but an exception.
    /// </summary>
    internal sealed class TcpFrameReader
    {
        private readonly string? _device;
        private byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        // Until one frame has been read, a first answer unlike the envelope means something else answered, not a
        // damaged frame.
        private bool _framed;

        public TcpFrameReader(string? device = null)
        {
            _device = device;
        }

        public int Buffered => _end - _start;

        public void Append(byte[] data, int offset, int count)
        {
            if (count <= 0)
                return;
            if (_end + count > _buffer.Length)
            {
                int live = _end - _start;
                // Never more than one frame (<= MaxPacketLength + envelope) plus one receive is held.
                var target =
                    live + count <= _buffer.Length ? _buffer : new byte[Math.Max(_buffer.Length * 2, live + count)];
                Buffer.BlockCopy(_buffer, _start, target, 0, live);
                _buffer = target;
                _start = 0;
                _end = live;
            }
            Buffer.BlockCopy(data, offset, _buffer, _end, count);
            _end += count;
        }

        /// <summary>Takes the next complete packet (without envelope). Throws when the stream does not follow the
        /// protocol.</summary>
        public bool TryTakeFrame(out byte[] packet)
        {
            packet = null!;
            if (Buffered < TcpEnvelope.Size)
                return false;
            var prefix = new byte[TcpEnvelope.Size];
            Buffer.BlockCopy(_buffer, _start, prefix, 0, TcpEnvelope.Size);
            if (!TcpEnvelope.TryReadLength(prefix, out int length, out string? error))
            {
                if (!_framed && ForeignAnswer.IsForeign(prefix))
                    throw new ZkNotATerminalException(ForeignAnswer.Message(prefix), _device);
                throw new ZkMalformedReplyException($"Malformed TCP frame: {error}.", _device);
            }
            if (Buffered < TcpEnvelope.Size + length)
                return false;
            packet = new byte[length];
            Buffer.BlockCopy(_buffer, _start + TcpEnvelope.Size, packet, 0, length);
            _start += TcpEnvelope.Size + length;
            _framed = true;
            if (_start == _end)
                _start = _end = 0;
            return true;
        }
    }
}
