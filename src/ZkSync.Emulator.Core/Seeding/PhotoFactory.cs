using System;
using System.Text;

namespace ZkSync.Emulator.Core.Seeding
{
    /// <summary>
    /// Seeded user photos: a few small grayscale portraits encoded once, each user's made unique and 8-15 KB by a JPEG
    /// comment segment (the picture decodes the same; the bytes differ).
    /// </summary>
    internal sealed class PhotoFactory
    {
        private const int Width = 96, Height = 112, Variants = 6;
        private const int MinBytes = 8 * 1024, MaxBytes = 15 * 1024;
        private readonly byte[][] _bases = new byte[Variants][];

        public PhotoFactory(int seed)
        {
            var rng = new Random(seed ^ 0x5EED);
            for (int v = 0; v < Variants; v++) _bases[v] = JpegWriter.Encode(Portrait(rng, v), Width, Height, 85);
        }

        public byte[] Make(Random rng, string pin2)
        {
            var jpeg = _bases[rng.Next(Variants)];
            int target = rng.Next(MinBytes, MaxBytes + 1);
            var comment = new byte[Math.Max(32, target - jpeg.Length - 4)];
            var label = Encoding.ASCII.GetBytes("ZkSync emulator photo of user " + pin2 + " ");
            Buffer.BlockCopy(label, 0, comment, 0, Math.Min(label.Length, comment.Length));
            for (int i = label.Length; i < comment.Length; i++) comment[i] = (byte)(' ' + (i * 7 + pin2.Length) % 90);
            return JpegWriter.WithComment(jpeg, comment);
        }

        /// <summary>A head-and-shoulders silhouette on a gradient with a little noise, different per variant.</summary>
        private static byte[] Portrait(Random rng, int variant)
        {
            var p = new byte[Width * Height];
            double cx = Width / 2.0 + (variant - Variants / 2) * 2, cy = Height * 0.38, r = 22 + variant;
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < Width; x++)
                {
                    double v = 200 - y * 0.6;
                    double dx = (x - cx) / r, dy = (y - cy) / (r * 1.25);
                    if (dx * dx + dy * dy < 1) v = 150 - 40 * (dx * dx + dy * dy);
                    double sx = (x - cx) / (r * 2.2), sy = (y - Height) / (Height * 0.35);
                    if (sx * sx + sy * sy < 1) v = 70 + variant * 8;
                    p[y * Width + x] = (byte)Math.Max(0, Math.Min(255, v + rng.Next(-6, 7)));
                }
            }
            return p;
        }
    }
}
