namespace ZkSync.Protocol.Model
{
    /// <summary>Counts and capacities from CMD_GET_FREE_SIZES (50).</summary>
    public sealed class ZkDeviceCounts
    {
        public int Users { get; set; }
        public int Fingerprints { get; set; }
        public int Records { get; set; }
        public int OpLogs { get; set; }
        public int Admins { get; set; }
        public int Passwords { get; set; }
        public int FingerprintCapacity { get; set; }
        public int UserCapacity { get; set; }
        public int RecordCapacity { get; set; }
        public int FingerprintsFree { get; set; }
        public int UsersFree { get; set; }
        public int RecordsFree { get; set; }

        /// <summary>True when the device sent the 92-byte form that carries face fields.</summary>
        public bool HasFaceFields { get; set; }

        /// <summary>Users that have at least one face template.</summary>
        public int UsersWithFaces { get; set; }

        /// <summary>Face capacity in users (~MaxFaceCount x 100).</summary>
        public int FaceCapacity { get; set; }

        /// <summary>Used of capacity, as an admin reads it: "users 30/3000, fingerprints 45/3000, faces 10/500, records
        /// 120/100000".</summary>
        public override string ToString() =>
            $"users {Users}/{UserCapacity}, fingerprints {Fingerprints}/{FingerprintCapacity}, " +
            (HasFaceFields ? $"faces {UsersWithFaces}/{FaceCapacity}, " : "") + $"records {Records}/{RecordCapacity}";
    }
}
