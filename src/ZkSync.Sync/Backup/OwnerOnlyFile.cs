using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ZkSync.Sync.Backup
{
    /// <summary>
    /// Creates files only their owner can read. On Unix the mode is set to 0600 right after the (empty) file is created
    /// and before any byte is written, through <c>File.SetUnixFileMode</c> found at run time (.NET 7+; the library
    /// targets netstandard2.0 where the API is absent). On Windows the file inherits the folder's ACL (a user profile
    /// folder is private by default); on a Unix runtime without the API the process umask applies. Both are documented
    /// in docs/backup-format.md.
    /// </summary>
    internal static class OwnerOnlyFile
    {
        private const int UserReadWrite = 0x180; // 0600 = UserRead (256) | UserWrite (128)

        private static readonly MethodInfo? SetMode = FindSetUnixFileMode();

        /// <summary>True when this runtime can restrict the mode (Unix with .NET 7+).</summary>
        public static bool CanRestrict => SetMode != null;

        public static FileStream Create(string path, FileOptions options = FileOptions.None)
        {
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, options);
            try
            {
                Restrict(path);
                return stream;
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        public static void Restrict(string path)
        {
            if (SetMode == null) return;
            var modeType = SetMode.GetParameters()[1].ParameterType;
            SetMode.Invoke(null, new[] { path, Enum.ToObject(modeType, UserReadWrite) });
        }

        private static MethodInfo? FindSetUnixFileMode()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                return null;
            var modeType = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
            return modeType == null
                ? null
                : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), modeType });
        }
    }
}
