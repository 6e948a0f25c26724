using System;
using System.Collections.Generic;

namespace ZkSync.Protocol.Bulk
{
    /// <summary>
    /// What arrived of one large-data reply over UDP: the announced size cut into the announced chunk size, each chunk
    /// placed by the index firmware writes in its session field (fp-firmware commu.c SendLargeData), so a lost datagram
    /// leaves a hole that can be asked for again instead of the whole reply.
    /// </summary>
    internal sealed class UdpStream
    {
        private readonly byte[]?[] _pieces;

        public UdpStream(int size, int pieceSize)
        {
            Size = size;
            PieceSize = pieceSize;
            _pieces = new byte[]?[(size + pieceSize - 1) / pieceSize];
        }

        public int Size { get; }
        public int PieceSize { get; }
        public int Received { get; private set; }
        public bool IsComplete => Received == _pieces.Length;

        /// <summary>A reply that came whole in one packet.</summary>
        public static UdpStream Whole(byte[] data)
        {
            var stream = new UdpStream(data.Length, Math.Max(1, data.Length));
            if (data.Length > 0) stream.Put(0, data);
            return stream;
        }

        /// <summary>Places chunk <paramref name="index"/>; false when it does not fit the announcement (a repeat is
        /// ignored).</summary>
        public bool Put(int index, byte[] payload)
        {
            if (index < 0 || index >= _pieces.Length || payload.Length != LengthOf(index)) return false;
            if (_pieces[index] != null) return true;
            _pieces[index] = payload;
            Received++;
            return true;
        }

        /// <summary>Copies every chunk that arrived to <paramref name="target"/> at <paramref name="offset"/> + its
        /// place.</summary>
        public void CopyReceivedTo(byte[] target, int offset)
        {
            for (int i = 0; i < _pieces.Length; i++)
            {
                var piece = _pieces[i];
                if (piece != null) Buffer.BlockCopy(piece, 0, target, offset + i * PieceSize, piece.Length);
            }
        }

        public byte[] Assemble()
        {
            var data = new byte[Size];
            CopyReceivedTo(data, 0);
            return data;
        }

        /// <summary>The byte ranges (from the start of this reply) whose chunks were lost, neighbours merged.</summary>
        public IReadOnlyList<(int Offset, int Length)> MissingRanges()
        {
            var ranges = new List<(int Offset, int Length)>();
            for (int i = 0; i < _pieces.Length; i++)
            {
                if (_pieces[i] != null) continue;
                int start = i;
                while (i + 1 < _pieces.Length && _pieces[i + 1] == null) i++;
                int offset = start * PieceSize;
                ranges.Add((offset, i * PieceSize + LengthOf(i) - offset));
            }
            return ranges;
        }

        private int LengthOf(int index) => Math.Min(PieceSize, Size - index * PieceSize);
    }
}
