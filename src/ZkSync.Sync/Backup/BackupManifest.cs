using System;
using System.Collections.Generic;
using ZkSync.Protocol.Model;

namespace ZkSync.Sync.Backup
{
    /// <summary>manifest.json: what the file is, where it came from, what it holds, and the SHA-256 of every other
    /// entry.</summary>
    public sealed class BackupManifest
    {
        public const string FormatName = "ZkSync.Backup";
        public const int CurrentVersion = 1;

        public string Format { get; set; } = FormatName;
        public int Version { get; set; } = CurrentVersion;
        public DateTime CreatedUtc { get; set; }

        /// <summary>The module version that wrote the file.</summary>
        public string Creator { get; set; } = "";

        /// <summary>Where the data came from ("host:port/tcp").</summary>
        public string Source { get; set; } = "";

        public BackupCounts Counts { get; set; } = new BackupCounts();

        /// <summary>Entry name → lower-case hex SHA-256 of its bytes.</summary>
        public Dictionary<string, string> Entries { get; set; } =
            new Dictionary<string, string>(StringComparer.Ordinal);
    }

    public sealed class BackupCounts
    {
        public int Users { get; set; }
        public int Fingerprints { get; set; }
        public int UsersWithFaces { get; set; }
        public int FaceRecords { get; set; }
        public int Photos { get; set; }
        public int Attendance { get; set; }
    }

    /// <summary>users.json entry. Faces and photo point at their own entries.</summary>
    public sealed class BackupUser
    {
        public string UserId { get; set; } = "";

        /// <summary>The uid on the device the backup was taken from (informational; a restore picks new
        /// uids).</summary>
        public int Uid { get; set; }

        public string Name { get; set; } = "";
        public string Password { get; set; } = "";

        /// <summary>Raw privilege byte (level in bits 1-3, bit 0 = disabled).</summary>
        public int Privilege { get; set; }

        public uint Card { get; set; }
        public int Group { get; set; }
        public string TimeZones { get; set; } = "";
        public string? Faces { get; set; }
        public int FaceCount { get; set; }
        public string? Photo { get; set; }

        internal static BackupUser From(ZkUser u) =>
            new BackupUser
            {
                UserId = u.UserId,
                Uid = u.Uid,
                Name = u.Name,
                Password = u.Password,
                Privilege = u.PrivilegeByte,
                Card = u.Card,
                Group = u.Group,
                TimeZones = Convert.ToBase64String(u.TimeZones ?? Array.Empty<byte>()),
            };

        internal ZkUser ToUser() =>
            new ZkUser
            {
                Uid = (ushort)Uid,
                UserId = UserId,
                Name = Name,
                Password = Password,
                PrivilegeByte = (byte)Privilege,
                Card = Card,
                Group = (byte)Group,
                TimeZones = Convert.FromBase64String(TimeZones ?? ""),
            };
    }

    /// <summary>fingerprints.json entry.</summary>
    public sealed class BackupFingerprint
    {
        public string UserId { get; set; } = "";
        public int Finger { get; set; }
        public int Flag { get; set; }

        /// <summary>Template bytes, base64.</summary>
        public string Template { get; set; } = "";

        internal static BackupFingerprint From(ZkFingerprint f) =>
            new BackupFingerprint
            {
                UserId = f.UserId,
                Finger = f.FingerIndex,
                Flag = f.Flag,
                Template = Convert.ToBase64String(f.Template),
            };

        internal ZkFingerprint ToFingerprint(ushort uid) =>
            new ZkFingerprint(uid, (byte)Finger, (byte)Flag, Convert.FromBase64String(Template)) { UserId = UserId };
    }
}
