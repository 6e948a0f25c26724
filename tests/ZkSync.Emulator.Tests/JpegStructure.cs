using System.Collections.Generic;
using Xunit;

namespace ZkSync.Emulator.Tests
{
    /// <summary>Walks JPEG marker segments: SOI, well-formed segments with lengths, SOF0 + DHT + DQT before SOS, EOI at
    /// the end.</summary>
    internal static class JpegStructure
    {
        public static void AssertBaseline(byte[] j)
        {
            Assert.True(j[0] == 0xFF && j[1] == 0xD8, "no SOI");
            var markers = new List<byte>();
            int o = 2;
            while (true)
            {
                Assert.Equal(0xFF, j[o]);
                byte marker = j[o + 1];
                markers.Add(marker);
                int length = j[o + 2] << 8 | j[o + 3];
                o += 2 + length;
                if (marker == 0xDA) break;
            }
            // Entropy-coded data: every FF is followed by a stuffed 00 until the EOI marker.
            for (; o < j.Length - 2; o++)
                if (j[o] == 0xFF) Assert.Equal(0, j[++o]);
            Assert.True(j[^2] == 0xFF && j[^1] == 0xD9, "no EOI");
            foreach (byte required in new byte[] { 0xDB, 0xC0, 0xC4, 0xDA }) Assert.Contains(required, markers);
        }
    }
}
