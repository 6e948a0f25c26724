using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ZkSync.Protocol.Codecs;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync.Tests.Fakes
{
    /// <summary>Deterministic users, templates, faces and photos.</summary>
    public static class TestData
    {
        public static ZkUser User(string id, string? name = null, uint card = 0) =>
            new ZkUser
            {
                UserId = id,
                Name = name ?? "User " + id,
                Password = "",
                PrivilegeByte = 0,
                Card = card,
                Group = 1,
                TimeZones = new byte[8],
            };

        public static byte[] Bytes(int seed, int length)
        {
            var r = new Random(seed);
            var b = new byte[length];
            r.NextBytes(b);
            return b;
        }

        public static ZkFingerprint Finger(int seed, byte finger, int length = 1200) =>
            new ZkFingerprint(7, finger, 1, Bytes(seed * 31 + finger, length));

        public static ZkFingerprint[] Fingers(int seed, params byte[] fingers) =>
            fingers.Select(f => Finger(seed, f)).ToArray();

        /// <summary>Enrolled faces 0..count-1 keyed to a foreign uid (the destination must ignore it).</summary>
        public static ZkFaceRecord[] Faces(int seed, int count = 15) =>
            Enumerable
                .Range(0, count)
                .Select(i => FaceRecordCodec.Build(999, (byte)i, 1, Bytes(seed * 97 + i, 1214)))
                .ToArray();

        public static byte[] Photo(int seed, int length = 15 * 1024)
        {
            var p = Bytes(seed, length);
            p[0] = 0xFF;
            p[1] = 0xD8;
            p[length - 2] = 0xFF;
            p[length - 1] = 0xD9;
            return p;
        }

        /// <summary>A face device with <paramref name="count"/> users (ids 1..count), two fingers, faces and a photo
        /// each.</summary>
        public static FakeSyncDevice SeededFaceDevice(string name, int count, int faces = 3)
        {
            var d = new FakeSyncDevice(name, Profiles.Face());
            for (int i = 1; i <= count; i++)
                d.Seed(
                    User(i.ToString(CultureInfo.InvariantCulture)),
                    Fingers(i, 0, 5),
                    Faces(i, faces),
                    Photo(i, 2048)
                );
            return d;
        }
    }
}
