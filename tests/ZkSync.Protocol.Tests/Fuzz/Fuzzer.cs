using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Sdk;
using ZkSync.Protocol.Errors;

namespace ZkSync.Protocol.Tests.Fuzz
{
    /// <summary>
    /// Seeded, reproducible fuzzing: every case has its own seed (base seed + case number), built from a real sample
    /// mutated or from random bytes. Allowed outcomes are success, a <see cref="ZkException"/> or an <see
    /// cref="ArgumentException"/>; anything else fails with the seed, the case and the input. A case must also not
    /// allocate without bound. ZKSYNC_FUZZ_CASES scales the run (CI default below); ZKSYNC_FUZZ_SEED picks the base
    /// seed.
    /// </summary>
    internal static class Fuzzer
    {
        public const int DefaultCases = 2000;
        private const long MaxBytesPerCase = 96L * 1024 * 1024;

        public static int BaseSeed =>
            int.TryParse(Environment.GetEnvironmentVariable("ZKSYNC_FUZZ_SEED"), out int s) ? s : 20261124;

        /// <summary>Cases for this run: <paramref name="ciCases"/> scaled by ZKSYNC_FUZZ_CASES / <see
        /// cref="DefaultCases"/>.</summary>
        public static int Cases(int ciCases = DefaultCases)
        {
            if (!int.TryParse(Environment.GetEnvironmentVariable("ZKSYNC_FUZZ_CASES"), out int wanted) || wanted <= 0)
                return ciCases;
            return (int)Math.Max(1, (long)ciCases * wanted / DefaultCases);
        }

        /// <summary>Runs <paramref name="decode"/> over mutated <paramref name="corpus"/> samples and random
        /// inputs.</summary>
        public static void Run(
            string name,
            IReadOnlyList<byte[]> corpus,
            Action<byte[], Random> decode,
            int ciCases = DefaultCases
        )
        {
            int cases = Cases(ciCases);
            for (int i = 0; i < cases; i++)
            {
                var rng = new Random(BaseSeed + i);
                var input = Input(corpus, rng);
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    decode(input, rng);
                }
                catch (Exception ex) when (Allowed(ex)) { }
                catch (Exception ex)
                {
                    throw Failure(name, i, input, ex);
                }
                long used = GC.GetAllocatedBytesForCurrentThread() - before;
                if (used > MaxBytesPerCase)
                    throw Failure(
                        name,
                        i,
                        input,
                        new InvalidOperationException($"allocated {used} bytes for a {input.Length}-byte input")
                    );
            }
        }

        /// <summary>The async form (allocation is not measured: continuations hop threads).</summary>
        public static async Task RunAsync(
            string name,
            IReadOnlyList<byte[]> corpus,
            Func<byte[], Random, Task> decode,
            int ciCases
        )
        {
            int cases = Cases(ciCases);
            for (int i = 0; i < cases; i++)
            {
                var rng = new Random(BaseSeed + i);
                var input = Input(corpus, rng);
                try
                {
                    await decode(input, rng);
                }
                catch (Exception ex) when (Allowed(ex)) { }
                catch (Exception ex)
                {
                    throw Failure(name, i, input, ex);
                }
            }
        }

        public static bool Allowed(Exception ex) => ex is ZkException;

        private static XunitException Failure(string name, int i, byte[] input, Exception ex) =>
            new XunitException(
                $"{name}: case {i} (ZKSYNC_FUZZ_SEED={BaseSeed}, case seed {BaseSeed + i}) threw {ex.GetType().Name}: "
                    + $"{ex.Message}\n"
                    + $"input ({input.Length} bytes): "
                        + $"{Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 256)))}\n{ex}"
            );

        /// <summary>One input: mostly a mutated real sample, sometimes pure random bytes.</summary>
        public static byte[] Input(IReadOnlyList<byte[]> corpus, Random rng)
        {
            if (corpus.Count == 0 || rng.Next(10) == 0)
            {
                var random = new byte[rng.Next(0, rng.Next(2) == 0 ? 16 : 2048)];
                rng.NextBytes(random);
                return random;
            }
            return Mutate(corpus[rng.Next(corpus.Count)], rng);
        }

        /// <summary>1-4 mutations: bit flips, byte stores, truncation, garbage tails, lying lengths,
        /// cut-and-splice.</summary>
        public static byte[] Mutate(byte[] sample, Random rng)
        {
            var b = new List<byte>(sample);
            int steps = 1 + rng.Next(4);
            for (int s = 0; s < steps; s++)
            {
                switch (rng.Next(8))
                {
                    case 0 when b.Count > 0:
                        b[rng.Next(b.Count)] ^= (byte)(1 << rng.Next(8));
                        break;
                    case 1 when b.Count > 0:
                        b[rng.Next(b.Count)] = (byte)(
                            rng.Next(3) switch
                            {
                                0 => 0,
                                1 => 0xFF,
                                _ => rng.Next(256),
                            }
                        );
                        break;
                    case 2 when b.Count > 0:
                        b = b.Take(rng.Next(b.Count + 1)).ToList();
                        break; // truncated
                    case 3:
                    {
                        var tail = new byte[rng.Next(1, 64)];
                        rng.NextBytes(tail);
                        b.AddRange(tail);
                        break;
                    }
                    case 4 when b.Count >= 4:
                    {
                        // A length or count field that lies: a big, negative-looking or off-by-one value.
                        int at = rng.Next(b.Count - 3);
                        uint v = rng.Next(4) switch
                        {
                            0 => 0xFFFFFFFF,
                            1 => 0x7FFFFFFF,
                            2 => (uint)rng.Next(0, 70000),
                            _ => BitConverter.ToUInt32(b.GetRange(at, 4).ToArray(), 0) + 1,
                        };
                        var bytes = BitConverter.GetBytes(v);
                        for (int k = 0; k < 4; k++)
                            b[at + k] = bytes[k];
                        break;
                    }
                    case 5 when b.Count > 2:
                    {
                        int from = rng.Next(b.Count),
                            len = rng.Next(1, Math.Min(256, b.Count - from) + 1);
                        b.InsertRange(rng.Next(b.Count), b.GetRange(from, len));
                        break;
                    }
                    case 6 when b.Count > 2:
                    {
                        int from = rng.Next(b.Count);
                        b.RemoveRange(from, rng.Next(1, Math.Min(64, b.Count - from) + 1));
                        break;
                    }
                    case 7 when b.Count >= 2:
                    {
                        int at = rng.Next(b.Count - 1);
                        b[at] = (byte)rng.Next(256);
                        b[at + 1] = (byte)rng.Next(256);
                        break;
                    }
                }
            }
            return b.ToArray();
        }
    }
}
