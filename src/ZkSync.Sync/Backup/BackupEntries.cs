using System.Globalization;
using System.Text;

namespace ZkSync.Sync.Backup
{
    /// <summary>Entry names inside the ZIP (docs/backup-format.md).</summary>
    internal static class BackupEntries
    {
        public const string Manifest = "manifest.json";
        public const string Device = "device.json";
        public const string Users = "users.json";
        public const string Fingerprints = "fingerprints.json";
        public const string Attendance = "attendance.json";

        public static string Faces(string userId) => "faces/" + Escape(userId) + ".bin";
        public static string Photo(string userId) => "photos/" + Escape(userId) + ".jpg";

        /// <summary>Letters, digits, '-' and '_' stay; every other byte becomes %XX, so any user id is a safe, unique
        /// file name.</summary>
        public static string Escape(string userId)
        {
            var sb = new StringBuilder(userId.Length);
            foreach (byte b in Encoding.UTF8.GetBytes(userId))
            {
                char c = (char)b;
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
                    sb.Append(c);
                else
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }
    }
}
