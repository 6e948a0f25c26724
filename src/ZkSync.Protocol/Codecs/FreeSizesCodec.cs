using ZkSync.Protocol.Errors;
using ZkSync.Protocol.Framing;
using ZkSync.Protocol.Model;

namespace ZkSync.Protocol.Codecs
{
    /// <summary>CMD_GET_FREE_SIZES reply: 20 i32 (80 bytes) or 23 i32 (92 bytes) on face firmware (docs/protocol.md
    /// §5).</summary>
    public static class FreeSizesCodec
    {
        public const int BasicSize = 80;
        public const int FaceSize = 92;

        public static ZkDeviceCounts Decode(byte[] reply)
        {
            if (reply.Length < BasicSize)
                throw new ZkMalformedReplyException(
                    $"Free-sizes reply of {reply.Length} bytes is shorter than {BasicSize}."
                );
            var counts = new ZkDeviceCounts
            {
                Users = Slot(reply, FreeSizesSlots.Users),
                Fingerprints = Slot(reply, FreeSizesSlots.Fingerprints),
                Records = Slot(reply, FreeSizesSlots.Records),
                OpLogs = Slot(reply, FreeSizesSlots.OpLogs),
                Admins = Slot(reply, FreeSizesSlots.Admins),
                Passwords = Slot(reply, FreeSizesSlots.Passwords),
                FingerprintCapacity = Slot(reply, FreeSizesSlots.FingerprintCapacity),
                UserCapacity = Slot(reply, FreeSizesSlots.UserCapacity),
                RecordCapacity = Slot(reply, FreeSizesSlots.RecordCapacity),
                FingerprintsFree = Slot(reply, FreeSizesSlots.FingerprintsFree),
                UsersFree = Slot(reply, FreeSizesSlots.UsersFree),
                RecordsFree = Slot(reply, FreeSizesSlots.RecordsFree),
            };
            if (reply.Length >= FaceSize)
            {
                counts.HasFaceFields = true;
                counts.UsersWithFaces = Slot(reply, FreeSizesSlots.UsersWithFaces);
                counts.FaceCapacity = Slot(reply, FreeSizesSlots.FaceCapacity);
            }
            return counts;
        }

        public static byte[] Encode(ZkDeviceCounts counts)
        {
            var reply = new byte[counts.HasFaceFields ? FaceSize : BasicSize];
            Put(reply, FreeSizesSlots.Users, counts.Users);
            Put(reply, FreeSizesSlots.Fingerprints, counts.Fingerprints);
            Put(reply, FreeSizesSlots.Records, counts.Records);
            Put(reply, FreeSizesSlots.OpLogs, counts.OpLogs);
            Put(reply, FreeSizesSlots.Admins, counts.Admins);
            Put(reply, FreeSizesSlots.Passwords, counts.Passwords);
            Put(reply, FreeSizesSlots.FingerprintCapacity, counts.FingerprintCapacity);
            Put(reply, FreeSizesSlots.UserCapacity, counts.UserCapacity);
            Put(reply, FreeSizesSlots.RecordCapacity, counts.RecordCapacity);
            Put(reply, FreeSizesSlots.FingerprintsFree, counts.FingerprintsFree);
            Put(reply, FreeSizesSlots.UsersFree, counts.UsersFree);
            Put(reply, FreeSizesSlots.RecordsFree, counts.RecordsFree);
            if (counts.HasFaceFields)
            {
                Put(reply, FreeSizesSlots.UsersWithFaces, counts.UsersWithFaces);
                Put(reply, FreeSizesSlots.FaceCapacity, counts.FaceCapacity);
            }
            return reply;
        }

        private static int Slot(byte[] reply, int slot) => LittleEndian.I32(reply, slot * 4);

        private static void Put(byte[] reply, int slot, int value) => LittleEndian.Put(reply, slot * 4, value);
    }
}
