using System;
using System.IO;

namespace ZkSync.PowerShell.Tests.Hosting
{
    /// <summary>Device tests whose run journal ($ZkSyncJournalPath) is a fresh temporary folder, removed
    /// afterwards.</summary>
    public abstract class JournalDeviceTestBase : DeviceTestBase, IDisposable
    {
        protected JournalDeviceTestBase(ModuleFixture fixture)
            : base(fixture) => Ps.Run("$ZkSyncJournalPath = $folder", "folder", JournalFolder).ShouldSucceed();

        protected string JournalFolder { get; } =
            Path.Combine(Path.GetTempPath(), "zksync-journal-" + Guid.NewGuid().ToString("N"));

        public new void Dispose()
        {
            base.Dispose();
            Ps.Run("$ZkSyncJournalPath = $null");
            if (Directory.Exists(JournalFolder)) Directory.Delete(JournalFolder, true);
            GC.SuppressFinalize(this);
        }
    }
}
