using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>What an admin reads on an 80-column console (issue 13, Output).</summary>
    public sealed class AdminViewTests : DeviceTestBase
    {
        private const int ConsoleWidth = 80;

        public AdminViewTests(ModuleFixture fixture) : base(fixture) { }

        [Fact]
        public void Every_table_view_fits_80_columns_with_room_for_its_free_column_and_whole_headers()
        {
            string file = Path.Combine(RepoPaths.ModuleDirectory, "ZkSync.Format.ps1xml");
            foreach (XElement view in XDocument.Load(file).Descendants("View"))
            {
                string name = view.Element("Name")!.Value;
                var headers = view.Descendants("TableColumnHeader")
                    .Select(h => (Label: h.Element("Label")!.Value, Width: (int?)h.Element("Width")))
                    .ToList();
                int fixedWidth = headers.Sum(h => h.Width ?? 0) + headers.Count - 1;
                // a column without width needs room to show something
                int free = headers.Any(h => h.Width == null) ? 12 : 0;
                Assert.True(
                    fixedWidth + free < ConsoleWidth,
                    $"{name}: {fixedWidth} fixed columns + {free} free > {ConsoleWidth - 1}"
                );
                foreach (var (label, width) in headers.Where(h => h.Width != null))
                    Assert.True(label.Length <= width, $"{name}: header {label} is cut to {width}");
            }
        }

        [Fact]
        public void Capabilities_and_Counts_read_as_text_not_type_names()
        {
            Device("a", "face", users: 3);
            string capabilities = Strings("(Get-ZkDeviceInfo -Session $a).Capabilities.ToString()").Single();
            string counts = Strings("(Get-ZkDeviceInfo -Session $a).Counts.ToString()").Single();
            Assert.StartsWith("72-byte users, ids up to", capabilities);
            Assert.Contains("ZKFace", capabilities);
            Assert.StartsWith("users 3/", counts);
            Assert.DoesNotContain("ZkSync.", capabilities + counts);
        }

        [Fact]
        public void Get_ZkSession_shows_when_the_device_last_answered_which_stops_moving_when_it_is_gone()
        {
            Ok("$emu = Start-ZkEmulator; $s = $emu | Connect-ZkDevice -Timeout 1");
            var connected = (DateTime)Ok("$s.LastContact").Output.Single().BaseObject;
            System.Threading.Thread.Sleep(50);
            Ok("$null = Get-ZkUser -Session $s");
            var used = (DateTime)Ok("$s.LastContact").Output.Single().BaseObject;
            Assert.True(used > connected);

            Ok("$emu | Stop-ZkEmulator");
            System.Threading.Thread.Sleep(50);
            // Requests still go out to the stopped device; none is answered, so the last contact must not move.
            Ps.Run("$null = Get-ZkUser -Session $s -ErrorAction SilentlyContinue");
            Assert.Equal(used, (DateTime)Ok("(Get-ZkSession -Id $s.Id).LastContact").Output.Single().BaseObject);
        }
    }
}
