using System;
using System.IO;
using System.Security.Cryptography;

namespace ZkSync.Sync.Backup
{
    /// <summary>
    /// Seekable plaintext view of AES-CBC ciphertext (already authenticated): block i is D(C[i]) XOR C[i-1], so any
    /// range can be decrypted on its own. Lets ZipArchive read an encrypted backup in place, without a plaintext copy.
    /// </summary>
    internal sealed class CbcReadStream : Stream
    {
        private const int ChunkBlocks = 4096; // 64 KB per decrypt
        private readonly Stream _input;
        private readonly long _start, _cipherLength;
        private readonly byte[] _iv;
        private readonly Aes _aes;
        private readonly ICryptoTransform _ecb;
        private readonly string _file;
        private readonly long _length;
        private byte[] _chunk = Array.Empty<byte>();
        private long _chunkStart = -1;
        private long _position;

        public CbcReadStream(Stream input, long start, long cipherLength, byte[] key, byte[] iv, string file)
        {
            _input = input;
            _start = start;
            _cipherLength = cipherLength;
            _iv = iv;
            _file = file;
            _aes = Aes.Create();
            _aes.Mode = CipherMode.ECB;
            _aes.Padding = PaddingMode.None;
            _aes.Key = key;
            _ecb = _aes.CreateDecryptor();
            _length = cipherLength - PaddingOfLastBlock();
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => _length;

        public override long Position
        {
            get => _position;
            set => _position = value < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= _length || count == 0)
                return 0;
            if (_chunkStart < 0 || _position < _chunkStart || _position >= _chunkStart + _chunk.Length)
                Load(_position / 16 * 16);
            int n = (int)Math.Min(Math.Min(count, _chunkStart + _chunk.Length - _position), _length - _position);
            Buffer.BlockCopy(_chunk, (int)(_position - _chunkStart), buffer, offset, n);
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position =
                origin == SeekOrigin.Begin ? offset
                : origin == SeekOrigin.Current ? _position + offset
                : _length + offset;
            return _position;
        }

        private void Load(long plainOffset)
        {
            int bytes = (int)Math.Min((long)ChunkBlocks * 16, _cipherLength - plainOffset);
            _chunk = Decrypt(plainOffset, bytes);
            _chunkStart = plainOffset;
        }

        private byte[] Decrypt(long offset, int bytes)
        {
            // Read the previous ciphertext block too: it is the XOR mask of the first block.
            byte[] previous;
            if (offset == 0) previous = _iv;
            else
            {
                previous = new byte[16];
                ReadAt(offset - 16, previous, 16);
            }
            var cipher = new byte[bytes];
            ReadAt(offset, cipher, bytes);
            var plain = new byte[bytes];
            _ecb.TransformBlock(cipher, 0, bytes, plain, 0);
            for (int i = 0; i < bytes; i++) plain[i] ^= i < 16 ? previous[i] : cipher[i - 16];
            return plain;
        }

        private void ReadAt(long offset, byte[] target, int count)
        {
            _input.Position = _start + offset;
            int done = 0;
            while (done < count)
            {
                int n = _input.Read(target, done, count - done);
                if (n <= 0) throw new ZkBackupException("The backup ended early.", _file);
                done += n;
            }
        }

        private int PaddingOfLastBlock()
        {
            var last = Decrypt(_cipherLength - 16, 16);
            int pad = last[15];
            bool ok = pad >= 1 && pad <= 16;
            for (int i = 16 - pad; ok && i < 16; i++) ok = last[i] == pad;
            if (!ok) throw new ZkBackupException("The encrypted backup has invalid padding.", _file);
            return pad;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _ecb.Dispose();
                _aes.Dispose();
            }
            base.Dispose(disposing);
        }

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
