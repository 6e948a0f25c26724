using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Sync-ZkDevice against a destination that ACKs writes it drops, as firmware does by default.</summary>
    public sealed class SilentDropPipelineTests : DeviceTestBase
    {
        public SilentDropPipelineTests(ModuleFixture fixture) : base(fixture) { }

        [Fact]
        public void Sync_fails_every_user_whose_templates_were_acked_and_dropped_and_NoVerify_does_not_see_it()
        {
            Device("a", "tft", users: 6);
            Device("b", "tft", extra: "-FingerprintVersion 9 -HideOption '~ZKFPVersion'");
            string[] fingered = Strings("Get-ZkFingerprint -Session $a | ForEach-Object UserId").Distinct().ToArray();
            Assert.NotEmpty(fingered);

            PsResult verified = Ps.Run("Sync-ZkDevice -Source $a -Destination $b");
            List<PSObject> items = SyncPipelineTests.OfType(verified, "ZkSyncResult");
            Assert.Equal(6, items.Count);
            foreach (PSObject item in items)
            {
                bool hasFingers = fingered.Contains(SyncPipelineTests.Text(item, "UserId"));
                Assert.Equal(hasFingers ? "Failed" : "Succeeded", SyncPipelineTests.Text(item, "Status"));
                if (hasFingers)
                    Assert.Contains("did not keep it", SyncPipelineTests.Text(item, "Notes"));
            }
            Assert.Equal(0, Count("Get-ZkFingerprint -Session $b"));

            PsResult unverified = Ok("Sync-ZkDevice -Source $a -Destination $b -NoVerify");
            Assert.All(SyncPipelineTests.OfType(unverified, "ZkSyncResult"), i =>
                Assert.Equal("Succeeded", SyncPipelineTests.Text(i, "Status"))
            );
            Assert.Equal(0, Count("Get-ZkFingerprint -Session $b"));
        }
    }
}
