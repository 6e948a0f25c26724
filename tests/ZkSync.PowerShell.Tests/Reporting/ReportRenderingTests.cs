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
            // A real failure: 'A17' cannot go to a bw device (numeric ids only); a destination that was never reached;
            // a -WhatIf run, which changes nothing and must not count.
            Ok("$a = Start-ZkEmulator -Users 4 | Connect-ZkDevice -Timeout 3");
            Ok("$null = New-ZkUser -Session $a -UserId 'A17' -Name 'Alexandria'");
            Device("bw", profile: "bw");
            Device("tft");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $bw, $tft -AllowTruncation -Confirm:$false");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $tft -Confirm:$false");
            Ok("$null = Sync-ZkDevice -Source $a -Destination $bw -WhatIf");
            Ok("Write-ZkSyncHistory -Destination 10.1.2.30:4370 -Source $a.Device " +
                "-Error 'not synced: connect timed out after 5 s'");
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
            foreach (IGrouping<string, JsonElement> device in runs.GroupBy(Destination))
            {
                string row = Row(dom, "device", device.Key);
                JsonElement last = device.Last();
                Assert.Equal(Status(last), Field(row, "outcome"));
                var counts = new[]
                {
                    ("added", "Added"), ("updated", "Updated"), ("unchanged", "Unchanged"), ("failed", "Failed"),
                };
                foreach ((string field, string property) in counts)
                    Assert.Equal(Text(last.GetProperty(property).GetInt32()), Field(row, field));
                Assert.Equal(Text(device.Count(r => Status(r) == "Succeeded")), Field(row, "runs-succeeded"));
                Assert.Equal(Text(device.Count(r => Status(r) == "Failed")), Field(row, "runs-failed"));
                JsonElement errorValue = last.GetProperty("Error");
                string? error = errorValue.ValueKind == JsonValueKind.String ? errorValue.GetString() : null;
                if (error != null) Assert.Equal(error, Field(row, "error"));
            }

            // Failed users, with the journal's reason, before everything else on the page.
            string bwDevice = Strings("$bw.Device").Single();
            JsonElement bwLast = runs.Last(r => Destination(r) == bwDevice);
            JsonElement failedUser = Assert.Single(bwLast.GetProperty("FailedUsers").EnumerateArray());
            string userRow = Row(dom, "failed-user", bwDevice);
            Assert.Contains("data-user=\"A17\"", userRow, StringComparison.Ordinal);
            Assert.Equal(failedUser.GetProperty("Reason").GetString(), Field(userRow, "reason"));
            int failedUsersAt = dom.IndexOf("id=\"failed-users\"", StringComparison.Ordinal);
            Assert.True(failedUsersAt < dom.IndexOf("id=\"devices\"", StringComparison.Ordinal));

            // The chart: every run on its local day, nothing else.
            string today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            MatchCollection days = Regex.Matches(
                dom, "<g class=\"day\" data-day=\"([0-9-]+)\" data-succeeded=\"([0-9]+)\" data-failed=\"([0-9]+)\"");
            Assert.Equal(30, days.Count);
            Match todayBar = days.Single(d => d.Groups[1].Value == today);
            Assert.Equal((Text(succeeded), Text(runs.Count - succeeded)), Counts(todayBar));
            Assert.All(days.Where(d => d != todayBar), d => Assert.Equal(("0", "0"), Counts(d)));

            // Health: capacity as the device holds it (users counted on the emulator itself), and a clock drift.
            string tftHealth = Row(dom, "health", Strings("$tft.Device").Single());
            int tftUsers = Count("Get-ZkUser -Session $tft");
            Assert.Matches($"data-kind=\"Users\" data-used=\"{tftUsers}\" data-capacity=\"[1-9][0-9]*\"", tftHealth);
            Assert.Matches("data-field=\"clock-drift\" data-seconds=\"-?[0-9.]+\"", tftHealth);

            // Self-contained: nothing to run and nothing to fetch.
            foreach (string forbidden in new[] { "<script", " src=", " href=", "@import", "url(", "<link" })
                Assert.DoesNotContain(forbidden, dom, StringComparison.OrdinalIgnoreCase);
        }

        private static (string Succeeded, string Failed) Counts(Match day) =>
            (day.Groups[2].Value, day.Groups[3].Value);

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Destination(JsonElement record) => record.GetProperty("Destination").GetString()!;

        private static string Status(JsonElement record) =>
            record.GetProperty("Status").ValueKind == JsonValueKind.Number
                ? (record.GetProperty("Status").GetInt32() == 0 ? "Succeeded" : "Failed")
                : record.GetProperty("Status").GetString()!;

        /// <summary>
        /// The text (or <paramref name="attribute"/>) of the element marked data-field="name" in <paramref
        /// name="html"/>.
        /// </summary>
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
            string row = $"<tr class=\"{kind}\" data-device=\"{Regex.Escape(device)}\"[^>]*>(.*?)</tr>";
            Match match = Regex.Match(html, row, RegexOptions.Singleline);
            Assert.True(match.Success, $"no {kind} row for {device} on the page");
            return match.Value;
        }
    }
}
