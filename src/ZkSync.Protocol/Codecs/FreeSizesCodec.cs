using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>CMD_GET_FREE_SIZES reply: 20 i32 (80 bytes) or 23 i32 (92 bytes) on face firmware (protocol notes §5.4).</summary>
    public static class FreeSizesCodec
    {
        public const int BasicSize = 80;
        public const int FaceSize = 92;

        public static ZkDeviceCounts Decode(byte[] p)
        {
            if (p.Length < BasicSize) throw new ZkMalformedReplyException($"Free-sizes reply of {p.Length} bytes is shorter than {BasicSize}.");
            var c = new ZkDeviceCounts
            {
                Users = I(p, 4), Fingerprints = I(p, 6), Records = I(p, 8), OpLogs = I(p, 10), Admins = I(p, 12), Passwords = I(p, 13),
                FingerprintCapacity = I(p, 14), UserCapacity = I(p, 15), RecordCapacity = I(p, 16),
                FingerprintsFree = I(p, 17), UsersFree = I(p, 18), RecordsFree = I(p, 19),
            };
            if (p.Length >= FaceSize)
            {
                c.HasFaceFields = true;
                c.UsersWithFaces = I(p, 20);
                c.FaceCapacity = I(p, 22);
            }
            return c;
        }

        public static byte[] Encode(ZkDeviceCounts c)
        {
            var p = new byte[c.HasFaceFields ? FaceSize : BasicSize];
            Put(p, 4, c.Users); Put(p, 6, c.Fingerprints); Put(p, 8, c.Records); Put(p, 10, c.OpLogs);
            Put(p, 12, c.Admins); Put(p, 13, c.Passwords);
            Put(p, 14, c.FingerprintCapacity); Put(p, 15, c.UserCapacity); Put(p, 16, c.RecordCapacity);
            Put(p, 17, c.FingerprintsFree); Put(p, 18, c.UsersFree); Put(p, 19, c.RecordsFree);
            if (c.HasFaceFields)
            {
                Put(p, 20, c.UsersWithFaces);
                Put(p, 22, c.FaceCapacity);
            }
            return p;
        }

        private static int I(byte[] p, int index) => LittleEndian.I32(p, index * 4);

        private static void Put(byte[] p, int index, int v) => LittleEndian.Put(p, index * 4, v);
    }
}
