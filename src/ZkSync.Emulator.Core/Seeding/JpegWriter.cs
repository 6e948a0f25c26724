using System;
using System.Collections.Generic;
using System.IO;

namespace ZkSync.Emulator.Core.Seeding
{
    /// <summary>
    /// A minimal baseline JPEG encoder (grayscale, one component, the standard Annex K tables), so seeded user photos
    /// are real decodable JPEGs without shipping image files. Not fast or clever: it encodes a few small images per
    /// seeding.
    /// </summary>
    public static class JpegWriter
    {
        private static readonly byte[] LuminanceQuant =
        {
            16,
            11,
            10,
            16,
            24,
            40,
            51,
            61,
            12,
            12,
            14,
            19,
            26,
            58,
            60,
            55,
            14,
            13,
            16,
            24,
            40,
            57,
            69,
            56,
            14,
            17,
            22,
            29,
            51,
            87,
            80,
            62,
            18,
            22,
            37,
            56,
            68,
            109,
            103,
            77,
            24,
            35,
            55,
            64,
            81,
            104,
            113,
            92,
            49,
            64,
            78,
            87,
            103,
            121,
            120,
            101,
            72,
            92,
            95,
            98,
            112,
            100,
            103,
            99,
        };

        private static readonly int[] ZigZag =
        {
            0,
            1,
            8,
            16,
            9,
            2,
            3,
            10,
            17,
            24,
            32,
            25,
            18,
            11,
            4,
            5,
            12,
            19,
            26,
            33,
            40,
            48,
            41,
            34,
            27,
            20,
            13,
            6,
            7,
            14,
            21,
            28,
            35,
            42,
            49,
            56,
            57,
            50,
            43,
            36,
            29,
            22,
            15,
            23,
            30,
            37,
            44,
            51,
            58,
            59,
            52,
            45,
            38,
            31,
            39,
            46,
            53,
            60,
            61,
            54,
            47,
            55,
            62,
            63,
        };

        private static readonly byte[] DcBits = { 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 };
        private static readonly byte[] DcValues = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
        private static readonly byte[] AcBits = { 0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d };

        private static readonly byte[] AcValues =
        {
            0x01,
            0x02,
            0x03,
            0x00,
            0x04,
            0x11,
            0x05,
            0x12,
            0x21,
            0x31,
            0x41,
            0x06,
            0x13,
            0x51,
            0x61,
            0x07,
            0x22,
            0x71,
            0x14,
            0x32,
            0x81,
            0x91,
            0xa1,
            0x08,
            0x23,
            0x42,
            0xb1,
            0xc1,
            0x15,
            0x52,
            0xd1,
            0xf0,
            0x24,
            0x33,
            0x62,
            0x72,
            0x82,
            0x09,
            0x0a,
            0x16,
            0x17,
            0x18,
            0x19,
            0x1a,
            0x25,
            0x26,
            0x27,
            0x28,
            0x29,
            0x2a,
            0x34,
            0x35,
            0x36,
            0x37,
            0x38,
            0x39,
            0x3a,
            0x43,
            0x44,
            0x45,
            0x46,
            0x47,
            0x48,
            0x49,
            0x4a,
            0x53,
            0x54,
            0x55,
            0x56,
            0x57,
            0x58,
            0x59,
            0x5a,
            0x63,
            0x64,
            0x65,
            0x66,
            0x67,
            0x68,
            0x69,
            0x6a,
            0x73,
            0x74,
            0x75,
            0x76,
            0x77,
            0x78,
            0x79,
            0x7a,
            0x83,
            0x84,
            0x85,
            0x86,
            0x87,
            0x88,
            0x89,
            0x8a,
            0x92,
            0x93,
            0x94,
            0x95,
            0x96,
            0x97,
            0x98,
            0x99,
            0x9a,
            0xa2,
            0xa3,
            0xa4,
            0xa5,
            0xa6,
            0xa7,
            0xa8,
            0xa9,
            0xaa,
            0xb2,
            0xb3,
            0xb4,
            0xb5,
            0xb6,
            0xb7,
            0xb8,
            0xb9,
            0xba,
            0xc2,
            0xc3,
            0xc4,
            0xc5,
            0xc6,
            0xc7,
            0xc8,
            0xc9,
            0xca,
            0xd2,
            0xd3,
            0xd4,
            0xd5,
            0xd6,
            0xd7,
            0xd8,
            0xd9,
            0xda,
            0xe1,
            0xe2,
            0xe3,
            0xe4,
            0xe5,
            0xe6,
            0xe7,
            0xe8,
            0xe9,
            0xea,
            0xf1,
            0xf2,
            0xf3,
            0xf4,
            0xf5,
            0xf6,
            0xf7,
            0xf8,
            0xf9,
            0xfa,
        };

        private static readonly (int Code, int Length)[] DcCodes = BuildCodes(DcBits, DcValues);
        private static readonly (int Code, int Length)[] AcCodes = BuildCodes(AcBits, AcValues);
        private static readonly double[,] Cosines = BuildCosines();

        /// <summary>Encodes an 8-bit grayscale image (row-major <paramref name="pixels"/>) at <paramref
        /// name="quality"/> 1-100.</summary>
        public static byte[] Encode(byte[] pixels, int width, int height, int quality)
        {
            if (pixels.Length != width * height)
                throw new ArgumentException("pixels must hold width × height bytes.", nameof(pixels));
            var quant = ScaledQuant(quality);
            var o = new MemoryStream();
            o.Write(new byte[] { 0xFF, 0xD8 }, 0, 2);
            Segment(o, 0xE0, new byte[] { (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 });
            var dqt = new byte[65];
            for (int i = 0; i < 64; i++)
                dqt[1 + i] = quant[ZigZag[i]];
            Segment(o, 0xDB, dqt);
            Segment(
                o,
                0xC0,
                new byte[] { 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0 }
            );
            Segment(o, 0xC4, Concat(new byte[] { 0x00 }, DcBits, DcValues));
            Segment(o, 0xC4, Concat(new byte[] { 0x10 }, AcBits, AcValues));
            Segment(o, 0xDA, new byte[] { 1, 1, 0x00, 0, 63, 0 });
            WriteScan(o, pixels, width, height, quant);
            o.Write(new byte[] { 0xFF, 0xD9 }, 0, 2);
            return o.ToArray();
        }

        /// <summary>Inserts a comment (COM) segment right after SOI: same picture, different bytes and size.</summary>
        public static byte[] WithComment(byte[] jpeg, byte[] comment)
        {
            if (comment.Length > 65533)
                throw new ArgumentException("A JPEG comment holds at most 65,533 bytes.", nameof(comment));
            var o = new byte[jpeg.Length + 4 + comment.Length];
            o[0] = 0xFF;
            o[1] = 0xD8;
            o[2] = 0xFF;
            o[3] = 0xFE;
            o[4] = (byte)((comment.Length + 2) >> 8);
            o[5] = (byte)(comment.Length + 2);
            Buffer.BlockCopy(comment, 0, o, 6, comment.Length);
            Buffer.BlockCopy(jpeg, 2, o, 6 + comment.Length, jpeg.Length - 2);
            return o;
        }

        private static void WriteScan(Stream o, byte[] pixels, int width, int height, byte[] quant)
        {
            var bits = new BitWriter(o);
            var block = new double[64];
            var coef = new int[64];
            int previousDc = 0;
            for (int by = 0; by < height; by += 8)
            {
                for (int bx = 0; bx < width; bx += 8)
                {
                    for (int y = 0; y < 8; y++)
                        for (int x = 0; x < 8; x++)
                            block[y * 8 + x] =
                                pixels[Math.Min(by + y, height - 1) * width + Math.Min(bx + x, width - 1)] - 128.0;
                    ForwardDct(block, coef, quant);
                    int diff = coef[0] - previousDc;
                    previousDc = coef[0];
                    int size = BitSize(diff);
                    bits.Write(DcCodes[size]);
                    bits.WriteValue(diff, size);
                    int run = 0;
                    for (int k = 1; k < 64; k++)
                    {
                        int v = coef[ZigZag[k]];
                        if (v == 0) { run++; continue; }
                        while (run > 15) { bits.Write(AcCodes[0xF0]); run -= 16; }
                        int s = BitSize(v);
                        bits.Write(AcCodes[(run << 4) | s]);
                        bits.WriteValue(v, s);
                        run = 0;
                    }
                    if (run > 0) bits.Write(AcCodes[0x00]);
                }
            }
            bits.Flush();
        }

        private static void ForwardDct(double[] block, int[] coef, byte[] quant)
        {
            for (int v = 0; v < 8; v++)
            {
                for (int u = 0; u < 8; u++)
                {
                    double sum = 0;
                    for (int y = 0; y < 8; y++)
                        for (int x = 0; x < 8; x++)
                            sum += block[y * 8 + x] * Cosines[x, u] * Cosines[y, v];
                    double cu = u == 0 ? Math.Sqrt(0.5) : 1, cv = v == 0 ? Math.Sqrt(0.5) : 1;
                    coef[v * 8 + u] = (int)Math.Round(0.25 * cu * cv * sum / quant[v * 8 + u]);
                }
            }
        }

        private static int BitSize(int v)
        {
            v = Math.Abs(v);
            int n = 0;
            while (v > 0) { n++; v >>= 1; }
            return n;
        }

        private static byte[] ScaledQuant(int quality)
        {
            quality = Math.Max(1, Math.Min(100, quality));
            int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
            var q = new byte[64];
            for (int i = 0; i < 64; i++)
                q[i] = (byte)Math.Max(1, Math.Min(255, (LuminanceQuant[i] * scale + 50) / 100));
            return q;
        }

        private static (int, int)[] BuildCodes(byte[] bits, byte[] values)
        {
            var codes = new (int, int)[256];
            int code = 0, k = 0;
            for (int length = 1; length <= 16; length++)
            {
                for (int i = 0; i < bits[length - 1]; i++) codes[values[k++]] = (code++, length);
                code <<= 1;
            }
            return codes;
        }

        private static double[,] BuildCosines()
        {
            var c = new double[8, 8];
            for (int x = 0; x < 8; x++)
                for (int u = 0; u < 8; u++)
                    c[x, u] = Math.Cos((2 * x + 1) * u * Math.PI / 16);
            return c;
        }

        private static void Segment(Stream o, byte marker, byte[] body)
        {
            o.WriteByte(0xFF);
            o.WriteByte(marker);
            o.WriteByte((byte)((body.Length + 2) >> 8));
            o.WriteByte((byte)(body.Length + 2));
            o.Write(body, 0, body.Length);
        }

        private static byte[] Concat(params byte[][] parts)
        {
            var list = new List<byte>();
            foreach (var p in parts) list.AddRange(p);
            return list.ToArray();
        }

        /// <summary>Entropy-coded bits, MSB first, with a 00 stuffed after every FF byte.</summary>
        private sealed class BitWriter
        {
            private readonly Stream _o;
            private int _buffer, _count;

            public BitWriter(Stream o) { _o = o; }

            public void Write((int Code, int Length) code) => Put(code.Code, code.Length);

            /// <summary>JPEG's magnitude coding: negative values are written as value - 1 in <paramref name="size"/>
            /// bits.</summary>
            public void WriteValue(int v, int size)
            {
                if (size == 0) return;
                Put(v < 0 ? v - 1 + (1 << size) : v, size);
            }

            public void Flush()
            {
                if (_count > 0) Put((1 << (8 - _count)) - 1, 8 - _count);
            }

            private void Put(int bits, int length)
            {
                for (int i = length - 1; i >= 0; i--)
                {
                    _buffer = (_buffer << 1) | ((bits >> i) & 1);
                    if (++_count == 8)
                    {
                        _o.WriteByte((byte)_buffer);
                        if (_buffer == 0xFF) _o.WriteByte(0);
                        _buffer = 0;
                        _count = 0;
                    }
                }
            }
        }
    }
}
