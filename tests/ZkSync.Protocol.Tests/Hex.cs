using System;

namespace ZkSync.Protocol.Tests
{
    internal static class Hex
    {
        public static byte[] Bytes(string hex) =>
            Convert.FromHexString(hex.Replace(" ", "").Replace("\n", "").Replace("\r", ""));

        public static string Of(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
