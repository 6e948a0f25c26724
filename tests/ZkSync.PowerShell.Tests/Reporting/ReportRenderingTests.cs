using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests.Reporting
{
    /// <summary>
    /// Export-ZkSyncReport's page as a browser shows it: rendered by headless Chromium, its DOM read back, and every
    /// number on it compared with the journal's JSON lines read here directly (not through Get-ZkSyncHistory) and with
    /// the emulators' stored state.
    /// </summary>
    public sealed class ReportRenderingTests : JournalDeviceTestBase
    {
        public ReportRenderingTests(ModuleFixture fixture) : base(fixture) { }

        private string Page => Path.Combine(JournalFolder, "report.html");

        [ChromiumFact]
        public void The_rendered_page_shows_the_journal_and_the_health_results()
        {
            // A real failure: 'A17' cannot go to a bw device (numeric ids only); a destination that was never reached; a
            // -WhatIf run, which changes nothing and must not count.
            Ok("$a = Start-ZkEmulator -Users 4 | Connect-ZkDevice -Timeout 3");
            Ok("$null = New-ZkUser -Session $a -UserId 'A17' -Name 'Alexandria'");
            Device("bw", profile: "bw");
            Device("tft");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $bw, $tft -AllowTruncation -Confirm:$false");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $tft -Confirm:$false");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $bw -WhatIf");
            Ok("Write-ZkSyncHistory -Destination 10.1.2.30:4370 -Source $a.Device -Error 'not synced: connect timed out after 5 s'");
            Ok($"$a, $bw, $tft | Test-ZkDevice | Export-ZkSyncReport -Path '{Page}'");

            string dom = WebUtility.HtmlDecode(Chromium.Run("--dump-dom", new Uri(Page).AbsoluteUri));
            string screenshot = Path.Combine(JournalFolder, "report.png");
            Chromium.Run("--window-size=1200,1400", "--screenshot=" + screenshot, new Uri(Page).AbsoluteUri);
            byte[] png = File.ReadAllBytes(screenshot);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.Take(4).ToArray());
            Assert.True(png.Length > 20_000, $"a {png.Length}-byte screenshot is blank, not a rendered report");

            var journal = Directory.GetFiles(JournalFolder, "*.jsonl").SelectMany(File.ReadAllLines)
                .Select(line => JsonDocument.Parse(line).RootElement).ToList();
            var runs = journal.Where(r => !r.GetProperty("WhatIf").GetBoolean()).ToList();
            Assert.Equal(5, journal.Count);
            Assert.Equal(4, runs.Count);
            int succeeded = runs.Count(r => Status(r) == "Succeeded");

            // The tiles.
            Assert.Equal(runs.Count.ToString(CultureInfo.InvariantCulture), Field(dom, "runs"));
            Assert.Equal(succeeded.ToString(CultureInfo.InvariantCulture), Field(dom, "succeeded"));
            Assert.Equal((runs.Count - succeeded).ToString(CultureInfo.InvariantCulture), Field(dom, "failed"));
            Assert.Equal("3", Field(dom, "devices"));
            Assert.Equal("1", Field(dom, "whatif", attribute: "data-value"));

            // Each device's row: its last run and its counts over the period, as the journal has them.
            foreach (IGrouping<string, JsonElement> device in runs.GroupBy(r => r.GetProperty("Destination").GetString()!))
            {
                string row = Row(dom, "device", device.Key);
                JsonElement last = device.Last();
                Assert.Equal(Status(last), Field(row, "outcome"));
                foreach ((string field, string property) in new[] { ("added", "Added"), ("updated", "Updated"), ("unchanged", "Unchanged"), ("failed", "Failed") })
                    Assert.Equal(last.GetProperty(property).GetInt32().ToString(CultureInfo.InvariantCulture), Field(row, field));
                Assert.Equal(device.Count(r => Status(r) == "Succeeded").ToString(CultureInfo.InvariantCulture), Field(row, "runs-succeeded"));
                Assert.Equal(device.Count(r => Status(r) == "Failed").ToString(CultureInfo.InvariantCulture), Field(row, "runs-failed"));
                string? error = last.GetProperty("Error").ValueKind == JsonValueKind.String ? last.GetProperty("Error").GetString() : null;
                if (error != null) Assert.Equal(error, Field(row, "error"));
            }

            // Failed users, with the journal's reason, before everything else on the page.
            JsonElement bwLast = runs.Last(r => r.GetProperty("Destination").GetString() == Strings("$bw.Device").Single());
            JsonElement failedUser = Assert.Single(bwLast.GetProperty("FailedUsers").EnumerateArray());
            string userRow = Row(dom, "failed-user", Strings("$bw.Device").Single());
            Assert.Contains("data-user=\"A17\"", userRow, StringComparison.Ordinal);
            Assert.Equal(failedUser.GetProperty("Reason").GetString(), Field(userRow, "reason"));
            Assert.True(dom.IndexOf("id=\"failed-users\"", StringComparison.Ordinal) < dom.IndexOf("id=\"devices\"", StringComparison.Ordinal));

            // The chart: every run on its local day, nothing else.
            string today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            MatchCollection days = Regex.Matches(dom, "<g class=\"day\" data-day=\"([0-9-]+)\" data-succeeded=\"([0-9]+)\" data-failed=\"([0-9]+)\"");
            Assert.Equal(30, days.Count);
            Match todayBar = days.Single(d => d.Groups[1].Value == today);
            Assert.Equal((succeeded, runs.Count - succeeded), (int.Parse(todayBar.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(todayBar.Groups[3].Value, CultureInfo.InvariantCulture)));
            Assert.All(days.Where(d => d != todayBar), d => Assert.Equal(("0", "0"), (d.Groups[2].Value, d.Groups[3].Value)));

            // Health: capacity as the device holds it (users counted on the emulator itself), and a clock drift.
            string tftHealth = Row(dom, "health", Strings("$tft.Device").Single());
            int tftUsers = Count("Get-ZkUser -Session $tft");
            Assert.Matches($"data-kind=\"Users\" data-used=\"{tftUsers}\" data-capacity=\"[1-9][0-9]*\"", tftHealth);
            Assert.Matches("data-field=\"clock-drift\" data-seconds=\"-?[0-9.]+\"", tftHealth);

            // Self-contained: nothing to run and nothing to fetch.
            foreach (string forbidden in new[] { "<script", " src=", " href=", "@import", "url(", "<link" })
                Assert.DoesNotContain(forbidden, dom, StringComparison.OrdinalIgnoreCase);
        }

        private static string Status(JsonElement record) =>
            record.GetProperty("Status").ValueKind == JsonValueKind.Number
                ? (record.GetProperty("Status").GetInt32() == 0 ? "Succeeded" : "Failed")
                : record.GetProperty("Status").GetString()!;

        /// <summary>The text (or <paramref name="attribute"/>) of the element marked data-field="name" in <paramref name="html"/>.</summary>
        private static string Field(string html, string name, string? attribute = null)
        {
            Match match = attribute == null
                ? Regex.Match(html, $"data-field=\"{name}\"[^>]*>([^<]*)<")
                : Regex.Match(html, $"data-field=\"{name}\"[^>]*{attribute}=\"([^\"]*)\"");
            Assert.True(match.Success, $"no data-field=\"{name}\" on the page");
            return match.Groups[1].Value.Trim();
        }

        private static string Row(string html, string kind, string device)
        {
            Match match = Regex.Match(html, $"<tr class=\"{kind}\" data-device=\"{Regex.Escape(device)}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
            Assert.True(match.Success, $"no {kind} row for {device} on the page");
            return match.Value;
        }
    }
}
