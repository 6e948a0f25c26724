using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace ZkSync.PowerShell.Reporting
{
    /// <summary>
    /// Writes a <see cref="SyncReport"/> as one self-contained HTML page: inline style, the chart as inline SVG, no
    /// script, and a Content-Security-Policy that forbids fetching anything, so it reads the same from a mail, a file
    /// share or an offline laptop. Numbers sit in elements marked with data-* attributes, for tests and scrapers.
    /// </summary>
    internal static class SyncReportPage
    {
        private const string Style = @"
body { font-family: system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; margin: 24px auto;
  max-width: 1100px; padding: 0 16px; color: #1f2328; background: #fff; font-size: 14px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; }
.meta { color: #57606a; margin: 0 0 16px; }
.tiles { display: flex; gap: 12px; flex-wrap: wrap; }
.tile { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 16px; min-width: 110px; }
.tile .n { font-size: 26px; font-weight: 600; display: block; } .tile .l { color: #57606a; }
.ok { color: #1a7f37; } .bad { color: #cf222e; } .muted { color: #57606a; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; vertical-align: top; }
th { background: #f6f8fa; border-bottom: 1px solid #d0d7de; font-weight: 600; }
td { border-bottom: 1px solid #eaeef2; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { border-radius: 10px; padding: 1px 8px; font-size: 12px; font-weight: 600; color: #fff; }
.badge.ok { background: #1a7f37; color: #fff; } .badge.bad { background: #cf222e; color: #fff; }
.bar { background: #eaeef2; border-radius: 3px; height: 8px; width: 120px; display: inline-block;
  vertical-align: middle; }
.bar span { display: block; height: 8px; border-radius: 3px; background: #0969da; }
.bar span.full { background: #cf222e; }
.cap { white-space: nowrap; } .small { font-size: 12px; }
";

        private const string SucceededColour = "#2da44e";
        private const string FailedColour = "#cf222e";

        public static string Render(SyncReport report)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta http-equiv=\"Content-Security-Policy\" ")
                .Append("content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<meta name=\"generator\" content=\"ZkSync Export-ZkSyncReport\">\n")
                .Append("<title>").Append(E(report.Title)).Append("</title>\n<style>").Append(Style)
                .Append("</style>\n</head>\n<body>\n");
            Header(html, report);
            FailedUsers(html, report);
            Chart(html, report);
            Devices(html, report);
            Health(html, report);
            html.Append("</body>\n</html>\n");
            return html.ToString();
        }

        private static void Header(StringBuilder html, SyncReport report)
        {
            html.Append("<h1>").Append(E(report.Title)).Append("</h1>\n<p class=\"meta\">")
                .Append("Runs from ").Append(Time(report.PeriodStart)).Append(" to ").Append(Time(report.PeriodEnd))
                .Append(" (local time, UTC").Append(E(Offset(report.Generated))).Append("). Generated ")
                .Append(Time(report.Generated))
                .Append(" from the journal in <code>").Append(E(report.JournalFolder))
                .Append("</code>.</p>\n<div class=\"tiles\">\n");
            Tile(html, "devices", report.Devices.Count, "devices", "");
            Tile(html, "runs", report.Succeeded + report.Failed, "runs", "");
            Tile(html, "succeeded", report.Succeeded, "succeeded", "ok");
            Tile(html, "failed", report.Failed, "failed", report.Failed > 0 ? "bad" : "");
            int failedUsers = report.FailedUsers.Count;
            Tile(html, "failed-users", failedUsers, "users failed in the last runs", failedUsers > 0 ? "bad" : "");
            html.Append("</div>\n");
            if (report.WhatIfRuns > 0)
                html.Append("<p class=\"muted small\" data-field=\"whatif\" data-value=\"").Append(report.WhatIfRuns)
                    .Append("\">")
                    .Append(report.WhatIfRuns).Append(" -WhatIf run(s) changed nothing and are not counted.</p>\n");
        }

        private static void Tile(StringBuilder html, string field, int value, string label, string tone) =>
            html.Append("<div class=\"tile\"><span class=\"n ").Append(tone).Append("\" data-field=\"").Append(field)
                .Append("\">")
                .Append(N(value)).Append("</span><span class=\"l\">").Append(E(label)).Append("</span></div>\n");

        private static void FailedUsers(StringBuilder html, SyncReport report)
        {
            html.Append("<h2>Failed users</h2>\n");
            if (report.FailedUsers.Count == 0)
            {
                html.Append("<p class=\"ok\">No user failed in the last run to any device.</p>\n");
                return;
            }
            html.Append("<table id=\"failed-users\">\n")
                .Append("<tr><th>Device</th><th>User</th><th>Reason</th><th>Run</th></tr>\n");
            foreach (FailedUserLine line in report.FailedUsers)
            {
                html.Append("<tr class=\"failed-user\" data-device=\"").Append(E(line.Run.Destination))
                    .Append("\" data-user=\"").Append(E(line.User.UserId))
                    .Append("\"><td>").Append(E(line.Run.Destination)).Append("</td><td>").Append(E(line.User.UserId))
                    .Append("</td><td data-field=\"reason\">").Append(E(line.User.Reason)).Append("</td><td>")
                    .Append(Time(line.Run.Time.ToLocalTime()))
                    .Append("</td></tr>\n");
            }
            html.Append("</table>\n");
        }

        private static void Chart(StringBuilder html, SyncReport report)
        {
            const int width = 1000, height = 240, left = 40, right = 10, top = 16, bottom = 44;
            int plotWidth = width - left - right, plotHeight = height - top - bottom;
            int max = Math.Max(1, report.Days.Max(d => d.Succeeded + d.Failed));
            double slot = (double)plotWidth / report.Days.Count;
            double barWidth = Math.Max(1, slot * 0.7);
            html.Append("<h2>Runs per day</h2>\n<svg id=\"runs-chart\" width=\"100%\" viewBox=\"0 0 ")
                .Append(width).Append(' ').Append(height)
                .Append("\" role=\"img\" aria-label=\"Succeeded and failed runs per day\" ")
                .Append("font-family=\"system-ui, sans-serif\" font-size=\"11\">\n");
            // Grid and the y scale: every count up to 5 runs a day, else 0, half and the busiest day.
            int[] ticks = max <= 5 ? Enumerable.Range(0, max + 1).ToArray() : new[] { 0, (max + 1) / 2, max };
            foreach (int tick in ticks)
            {
                double y = top + plotHeight - (double)tick / max * plotHeight;
                html.Append("<line x1=\"").Append(left).Append("\" x2=\"").Append(width - right).Append("\" y1=\"")
                    .Append(F(y)).Append("\" y2=\"")
                    .Append(F(y)).Append("\" stroke=\"#eaeef2\"/><text x=\"").Append(left - 6).Append("\" y=\"")
                    .Append(F(y + 4))
                    .Append("\" text-anchor=\"end\" fill=\"#57606a\">").Append(tick).Append("</text>\n");
            }
            int labelEvery = Math.Max(1, (int)Math.Ceiling(report.Days.Count / 10.0));
            for (int i = 0; i < report.Days.Count; i++)
            {
                DayRuns day = report.Days[i];
                double x = left + i * slot + (slot - barWidth) / 2;
                double succeededHeight = (double)day.Succeeded / max * plotHeight;
                double failedHeight = (double)day.Failed / max * plotHeight;
                double baseY = top + plotHeight;
                string date = day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                html.Append("<g class=\"day\" data-day=\"").Append(date).Append("\" data-succeeded=\"")
                    .Append(day.Succeeded)
                    .Append("\" data-failed=\"").Append(day.Failed).Append("\"><title>").Append(date).Append(": ")
                    .Append(day.Succeeded)
                    .Append(" succeeded, ").Append(day.Failed).Append(" failed</title>");
                double succeededY = baseY - succeededHeight, failedY = succeededY - failedHeight;
                if (day.Succeeded > 0) Rect(html, x, succeededY, barWidth, succeededHeight, SucceededColour);
                if (day.Failed > 0) Rect(html, x, failedY, barWidth, failedHeight, FailedColour);
                html.Append("</g>\n");
                if (i % labelEvery == 0 || i == report.Days.Count - 1)
                {
                    html.Append("<text x=\"").Append(F(x + barWidth / 2)).Append("\" y=\"").Append(height - bottom + 16)
                        .Append("\" text-anchor=\"middle\" fill=\"#57606a\">")
                        .Append(day.Day.ToString("MM-dd", CultureInfo.InvariantCulture)).Append("</text>\n");
                }
            }
            html.Append("<line x1=\"").Append(left).Append("\" x2=\"").Append(width - right).Append("\" y1=\"")
                .Append(top + plotHeight)
                .Append("\" y2=\"").Append(top + plotHeight).Append("\" stroke=\"#8c959f\"/>\n");
            int legendY = height - 10;
            Rect(html, left, legendY - 9, 10, 10, SucceededColour);
            html.Append("<text x=\"").Append(left + 14).Append("\" y=\"").Append(legendY)
                .Append("\" fill=\"#1f2328\">succeeded</text>\n");
            Rect(html, left + 90, legendY - 9, 10, 10, FailedColour);
            html.Append("<text x=\"").Append(left + 104).Append("\" y=\"").Append(legendY)
                .Append("\" fill=\"#1f2328\">failed</text>\n</svg>\n");
        }

        private static void Rect(StringBuilder html, double x, double y, double width, double height, string fill) =>
            html.Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(width))
                .Append("\" height=\"").Append(F(height)).Append("\" fill=\"").Append(fill).Append("\"/>");

        private static void Devices(StringBuilder html, SyncReport report)
        {
            html.Append("<h2>Devices: last run</h2>\n");
            if (report.Devices.Count == 0)
            {
                html.Append("<p class=\"muted\">The journal has no run in this period.</p>\n");
                return;
            }
            html.Append("<table id=\"devices\">\n<tr><th>Device</th><th>Last run</th><th>Outcome</th>")
                .Append("<th class=\"num\">Added</th><th class=\"num\">Updated</th><th class=\"num\">Unchanged</th>")
                .Append("<th class=\"num\">Removed</th><th class=\"num\">Failed</th>")
                .Append("<th>Verified</th><th class=\"num\">Runs OK</th><th class=\"num\">Runs failed</th></tr>\n");
            foreach (DeviceRuns device in report.Devices)
            {
                ZkSyncHistoryRecord last = device.Last;
                bool ok = last.Status == ZkSyncRunStatus.Succeeded;
                html.Append("<tr class=\"device\" data-device=\"").Append(E(device.Device)).Append("\"><td>")
                    .Append(E(device.Device));
                if (device.SerialNumber != null) html.Append("<br><span class=\"muted small\">")
                    .Append(E(device.SerialNumber)).Append("</span>");
                html.Append("</td><td data-field=\"last-run\">").Append(Time(last.Time.ToLocalTime()))
                    .Append("<br><span class=\"muted small\">")
                    .Append(E(last.Command)).Append(string.IsNullOrEmpty(last.Source) ? "" : " from " + E(last.Source))
                    .Append("</span></td><td>")
                    .Append("<span class=\"badge ").Append(ok ? "ok" : "bad").Append("\" data-field=\"outcome\">")
                    .Append(ok ? "Succeeded" : "Failed").Append("</span>");
                if (!string.IsNullOrEmpty(last.Error)) html
                    .Append("<br><span class=\"bad small\" data-field=\"error\">").Append(E(last.Error!))
                    .Append("</span>");
                html.Append("</td>");
                Cell(html, "added", last.Added);
                Cell(html, "updated", last.Updated);
                Cell(html, "unchanged", last.Unchanged);
                Cell(html, "removed", last.Removed);
                Cell(html, "failed", last.Failed);
                html.Append("<td data-field=\"verified\">").Append(last.Verified ? "yes" : "no").Append("</td>");
                Cell(html, "runs-succeeded", device.Succeeded);
                Cell(html, "runs-failed", device.Failed);
                html.Append("</tr>\n");
            }
            html.Append("</table>\n");
        }

        private static void Cell(StringBuilder html, string field, int value) =>
            html.Append("<td class=\"num\" data-field=\"").Append(field).Append("\">").Append(N(value)).Append("</td>");

        private static void Health(StringBuilder html, SyncReport report)
        {
            if (report.Health.Count == 0) return;
            html.Append("<h2>Device health (Test-ZkDevice)</h2>\n<table id=\"health\">\n")
                .Append("<tr><th>Device</th><th>Healthy</th>")
                .Append("<th class=\"num\">Clock drift</th><th>Capacity used</th><th>Problems</th></tr>\n");
            foreach (ZkDeviceHealth health in report.Health)
            {
                html.Append("<tr class=\"health\" data-device=\"").Append(E(health.Device)).Append("\"><td>")
                    .Append(E(health.Device));
                if (!string.IsNullOrEmpty(health.SerialNumber)) html.Append("<br><span class=\"muted small\">")
                    .Append(E(health.SerialNumber!)).Append("</span>");
                html.Append("</td><td><span class=\"badge ").Append(health.Healthy ? "ok" : "bad")
                    .Append("\" data-field=\"healthy\">")
                    .Append(health.Healthy ? "yes" : "no")
                    .Append("</span></td><td class=\"num\" data-field=\"clock-drift\"");
                if (health.ClockDrift.HasValue)
                {
                    double seconds = health.ClockDrift.Value.TotalSeconds;
                    html.Append(" data-seconds=\"").Append(F(seconds)).Append("\">").Append(seconds >= 0 ? "+" : "")
                        .Append(seconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s");
                }
                else
                {
                    html.Append(">&ndash;");
                }
                html.Append("</td><td>");
                foreach (ZkCapacityUse use in health.Capacity)
                {
                    html.Append("<div class=\"cap\" data-kind=\"").Append(E(use.Kind)).Append("\" data-used=\"")
                        .Append(use.Used)
                        .Append("\" data-capacity=\"").Append(use.Capacity).Append("\">");
                    if (use.Percent is double percent)
                    {
                        html.Append("<span class=\"bar\"><span").Append(percent >= 90 ? " class=\"full\"" : "")
                            .Append(" style=\"width:")
                            .Append(F(Math.Min(100, percent))).Append("%\"></span></span> ");
                    }
                    html.Append(E(use.Kind)).Append(' ').Append(N(use.Used));
                    if (use.Capacity > 0) html.Append(" / ").Append(N(use.Capacity)).Append(" (")
                        .Append(F(use.Percent ?? 0)).Append("%)");
                    html.Append("</div>");
                }
                html.Append("</td><td>");
                html.Append(string.Join("<br>", health.Problems.Select(E)));
                html.Append("</td></tr>\n");
            }
            html.Append("</table>\n");
        }

        private static string E(string text) => WebUtility.HtmlEncode(text);

        private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

        private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

        private static string Time(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        private static string Offset(DateTime local)
        {
            TimeSpan offset = TimeZoneInfo.Local.GetUtcOffset(local);
            return (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString("hh\\:mm", CultureInfo.InvariantCulture);
        }
    }
}
