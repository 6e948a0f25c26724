using System;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ZkSync.Sync.Backup
{
    /// <summary>
    /// PBKDF2-HMAC-SHA256 (RFC 8018). netstandard2.0's Rfc2898DeriveBytes only does SHA-1, so the runtime's SHA-256
    /// overload is used when present (.NET Core 2.0+/.NET Framework 4.7.2+, found at run time) and a managed
    /// implementation otherwise. Both give the same bytes (tested against RFC 7914 §11 vectors).
    /// </summary>
    internal static class Pbkdf2
    {
        private static readonly ConstructorInfo? Sha256Ctor = typeof(Rfc2898DeriveBytes).GetConstructor(
            new[] { typeof(string), typeof(byte[]), typeof(int), typeof(HashAlgorithmName) }
        );

        public static byte[] DeriveSha256(string password, byte[] salt, int iterations, int length)
        {
            if (Sha256Ctor != null)
            {
                using var kdf = (Rfc2898DeriveBytes)
                    Sha256Ctor.Invoke(new object[] { password, salt, iterations, HashAlgorithmName.SHA256 });
                return kdf.GetBytes(length);
            }
            return Managed(Encoding.UTF8.GetBytes(password), salt, iterations, length);
        }

        /// <summary>The RFC 8018 loop itself.</summary>
        internal static byte[] Managed(byte[] password, byte[] salt, int iterations, int length)
        {
            using var hmac = new HMACSHA256(password);
            var result = new byte[length];
            var block = new byte[salt.Length + 4];
            Buffer.BlockCopy(salt, 0, block, 0, salt.Length);
            for (int i = 1, offset = 0; offset < length; i++, offset += 32)
            {
                block[salt.Length] = (byte)(i >> 24);
                block[salt.Length + 1] = (byte)(i >> 16);
                block[salt.Length + 2] = (byte)(i >> 8);
                block[salt.Length + 3] = (byte)i;
                var u = hmac.ComputeHash(block);
                var t = (byte[])u.Clone();
                for (int n = 1; n < iterations; n++)
                {
                    u = hmac.ComputeHash(u);
                    for (int k = 0; k < t.Length; k++) t[k] ^= u[k];
                }
                Buffer.BlockCopy(t, 0, result, offset, Math.Min(32, length - offset));
            }
            return result;
        }
    }
}
