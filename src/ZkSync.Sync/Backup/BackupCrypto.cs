using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace ZkSync.Sync.Backup
{
    /// <summary>
    /// Password encryption of a whole backup file: AES-256-CBC (PKCS7) then HMAC-SHA256 over header and ciphertext
    /// (encrypt-then-MAC). Keys come from PBKDF2-HMAC-SHA256 with a random 32-byte salt; the 32-byte master key is
    /// split into encryption, authentication and password-check keys with HMAC, so one PBKDF2 block is all a defender
    /// pays. Opening checks the password, then the MAC over the whole file, and only then decrypts: nothing
    /// unauthenticated is ever used. Layout in docs/backup-format.md.
    /// </summary>
    internal static class BackupCrypto
    {
        public static readonly byte[] Magic = Encoding.ASCII.GetBytes("ZKSBKENC");
        public const ushort Version = 1;
        public const ushort KdfPbkdf2Sha256 = 1;
        public const int DefaultIterations = 200_000;
        public const int MaxIterations = 50_000_000;
        public const int SaltSize = 32,
            IvSize = 16,
            CheckSize = 16,
            MacSize = 32;
        public const int HeaderSize = 8 + 2 + 2 + 4 + SaltSize + IvSize + CheckSize; // 80

        public static bool IsEncrypted(byte[] start) =>
            start.Length >= Magic.Length && start.AsSpan(0, Magic.Length).SequenceEqual(Magic);

        /// <summary>
        /// Writes the header to <paramref name="output"/> and returns a stream that encrypts what is written to it;
        /// disposing it writes the last block and the MAC. <paramref name="output"/> stays open.
        /// </summary>
        public static Stream BeginEncrypt(Stream output, string password, int iterations)
        {
            if (iterations < DefaultIterations || iterations > MaxIterations)
                throw new ArgumentOutOfRangeException(
                    nameof(iterations),
                    $"Use {DefaultIterations:N0} to {MaxIterations:N0} PBKDF2 iterations."
                );
            var salt = Random(SaltSize);
            var iv = Random(IvSize);
            var keys = Keys.Derive(password, salt, iterations);
            var header = new byte[HeaderSize];
            Buffer.BlockCopy(Magic, 0, header, 0, 8);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), Version);
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), KdfPbkdf2Sha256);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)iterations);
            Buffer.BlockCopy(salt, 0, header, 16, SaltSize);
            Buffer.BlockCopy(iv, 0, header, 48, IvSize);
            Buffer.BlockCopy(keys.Check, 0, header, 64, CheckSize);
            return new EncryptingStream(output, header, keys, iv);
        }

        /// <summary>
        /// Checks the password, then the MAC over the whole of <paramref name="input"/> (seekable, kept open), and
        /// returns a seekable stream of the plaintext that decrypts on demand, so no plaintext is written anywhere.
        /// </summary>
        public static Stream OpenDecrypted(Stream input, string password, string file)
        {
            long cipherLength = input.Length - HeaderSize - MacSize;
            if (cipherLength < 16 || cipherLength % 16 != 0)
                throw new ZkBackupException(
                    "The encrypted backup is truncated (its length is not header + whole AES blocks + MAC).",
                    file
                );
            input.Position = 0;
            var header = ReadExactly(input, HeaderSize, file);
            if (!IsEncrypted(header))
                throw new ZkBackupException("Not an encrypted ZkSync backup.", file);
            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8)),
                kdf = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
            uint iterations = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12));
            if (version != Version || kdf != KdfPbkdf2Sha256)
                throw new ZkBackupException(
                    $"Encryption version {version} (KDF {kdf}) is not supported; this ZkSync reads version {Version}.",
                    file
                );
            if (iterations < 1 || iterations > MaxIterations)
                throw new ZkBackupException(
                    $"The header asks for {iterations} PBKDF2 iterations; refusing (altered header?).",
                    file
                );

            var keys = Keys.Derive(password, Slice(header, 16, SaltSize), (int)iterations);
            if (!FixedTimeEquals(keys.Check, Slice(header, 64, CheckSize)))
                throw new ZkBackupPasswordException(
                    "Wrong password for this backup (or its header was altered). Nothing was read.",
                    file
                );

            using (var hmac = new HMACSHA256(keys.Mac))
            {
                input.Position = 0;
                Pump(input, input.Length - MacSize, (b, n) => hmac.TransformBlock(b, 0, n, null, 0), file);
                hmac.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                var stored = ReadExactly(input, MacSize, file);
                if (!FixedTimeEquals(hmac.Hash, stored))
                    throw new ZkBackupException(
                        "The backup was altered or damaged: its authentication code does not match. Nothing was read.",
                        file
                    );
            }
            return new CbcReadStream(input, HeaderSize, cipherLength, keys.Encryption, Slice(header, 48, IvSize), file);
        }

        private static Aes NewAes(byte[] key, byte[] iv)
        {
            var aes = Aes.Create();
            aes.KeySize = 256;
            aes.Mode = CipherMode.CBC;
            aes.Padding = PaddingMode.PKCS7;
            aes.Key = key;
            aes.IV = iv;
            return aes;
        }

        internal sealed class Keys
        {
            public byte[] Encryption = Array.Empty<byte>(), Mac = Array.Empty<byte>(), Check = Array.Empty<byte>();

            public static Keys Derive(string password, byte[] salt, int iterations)
            {
                var master = Pbkdf2.DeriveSha256(password, salt, iterations, 32);
                using var expand = new HMACSHA256(master);
                byte[] Label(string s) => expand.ComputeHash(Encoding.ASCII.GetBytes("ZkSync backup v1 " + s));
                var keys = new Keys
                {
                    Encryption = Label("encryption"),
                    Mac = Label("authentication"),
                    Check = Slice(Label("password check"), 0, CheckSize),
                };
                Array.Clear(master, 0, master.Length);
                return keys;
            }
        }

        private static void Pump(Stream input, long count, Action<byte[], int> sink, string file)
        {
            var buffer = new byte[81920];
            while (count > 0)
            {
                int n = input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
                if (n <= 0) throw new ZkBackupException("The backup ended early.", file);
                sink(buffer, n);
                count -= n;
            }
        }

        private static byte[] ReadExactly(Stream s, int count, string file)
        {
            var b = new byte[count];
            int done = 0;
            while (done < count)
            {
                int n = s.Read(b, done, count - done);
                if (n <= 0) throw new ZkBackupException("The backup ended early.", file);
                done += n;
            }
            return b;
        }

        private static byte[] Random(int size)
        {
            var b = new byte[size];
            using var rng = RandomNumberGenerator.Create();
            rng.GetBytes(b);
            return b;
        }

        private static byte[] Slice(byte[] b, int offset, int count)
        {
            var s = new byte[count];
            Buffer.BlockCopy(b, offset, s, 0, count);
            return s;
        }

        /// <summary>Compares without an early exit, so timing does not tell how many bytes matched.</summary>
        internal static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            int diff = 0;
            for (int i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }

        /// <summary>CBC-encrypts what is written, MACs header + ciphertext, and on dispose pads, writes the MAC, leaves
        /// the output open.</summary>
        private sealed class EncryptingStream : WriteOnlyStream
        {
            private readonly Stream _output;
            private readonly HMACSHA256 _mac;
            private readonly Aes _aes;
            private readonly ICryptoTransform _encryptor;
            private readonly byte[] _pending = new byte[16];
            private int _pendingCount;
            private bool _done;

            public EncryptingStream(Stream output, byte[] header, Keys keys, byte[] iv)
            {
                _output = output;
                _mac = new HMACSHA256(keys.Mac);
                _aes = NewAes(keys.Encryption, iv);
                _encryptor = _aes.CreateEncryptor();
                Emit(header, 0, header.Length);
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                // Whole blocks go straight through; a tail waits for more data or the final block.
                while (count > 0)
                {
                    if (_pendingCount > 0 || count < 16)
                    {
                        int take = Math.Min(16 - _pendingCount, count);
                        Buffer.BlockCopy(buffer, offset, _pending, _pendingCount, take);
                        _pendingCount += take;
                        offset += take;
                        count -= take;
                        if (_pendingCount == 16)
                        {
                            Transform(_pending, 0, 16);
                            _pendingCount = 0;
                        }
                        continue;
                    }
                    int whole = count / 16 * 16;
                    Transform(buffer, offset, whole);
                    offset += whole;
                    count -= whole;
                }
            }

            private void Transform(byte[] buffer, int offset, int count)
            {
                var outBuf = new byte[count];
                int n = _encryptor.TransformBlock(buffer, offset, count, outBuf, 0);
                Emit(outBuf, 0, n);
            }

            private void Emit(byte[] b, int offset, int count)
            {
                _mac.TransformBlock(b, offset, count, null, 0);
                _output.Write(b, offset, count);
            }

            public override void Flush() => _output.Flush();

            protected override void Dispose(bool disposing)
            {
                if (disposing && !_done)
                {
                    _done = true;
                    var last = _encryptor.TransformFinalBlock(_pending, 0, _pendingCount);
                    Emit(last, 0, last.Length);
                    _mac.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                    _output.Write(_mac.Hash, 0, MacSize);
                    _output.Flush();
                    _encryptor.Dispose();
                    _aes.Dispose();
                    _mac.Dispose();
                }
                base.Dispose(disposing);
            }
        }
    }
}
