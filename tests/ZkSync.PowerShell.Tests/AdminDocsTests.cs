using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>The documents an admin opens: license, online help, README, about topics (issue 13, Docs).</summary>
    public sealed class AdminDocsTests : IClassFixture<ModuleFixture>
    {
        private readonly PsHost _ps;

        public AdminDocsTests(ModuleFixture fixture) => _ps = fixture.Host;

        private static string Read(params string[] parts) =>
            File.ReadAllText(Path.Combine(new[] { RepoPaths.Root }.Concat(parts).ToArray()));

        [Fact]
        public void The_license_the_manifest_names_is_in_the_repository()
        {
            Assert.Contains("MIT License", Read("LICENSE"));
            Assert.Contains("MIT License", Read("ZkSync.psd1"));
        }

        [Fact]
        public void Help_links_are_absolute_or_absent_so_Online_never_fails_on_a_file_name()
        {
            XNamespace maml = "http://schemas.microsoft.com/maml/2004/10";
            string helpFile = Directory
                .GetFiles(RepoPaths.ModuleDirectory, "*-Help.xml", SearchOption.AllDirectories)
                .Single();
            string[] uris = XDocument.Load(helpFile).Descendants(maml + "uri").Select(u => u.Value).ToArray();
            Assert.NotEmpty(uris);
            Assert.All(uris, u => Assert.True(u.Length == 0 || Uri.IsWellFormedUriString(u, UriKind.Absolute), u));

            PsResult online = _ps.Run("Get-Help Disconnect-ZkDevice -Online");
            Assert.DoesNotContain(online.AllErrors, e => e.ToString().Contains("Disconnect-ZkDevice.md"));
        }

        [Fact]
        public void README_says_how_to_get_pwsh_before_the_first_session()
        {
            string readme = Read("README.md");
            int install = readme.IndexOf("dotnet tool install --global PowerShell", StringComparison.Ordinal);
            int firstSession = readme.IndexOf("Connect-ZkDevice", StringComparison.Ordinal);
            Assert.True(
                install >= 0 && install < firstSession,
                "README must say how to get pwsh before its first Connect-ZkDevice"
            );
        }

        [Fact]
        public void About_sessions_shows_parallel_thread_jobs_and_Start_Job()
        {
            string about = Read("docs", "en-US", "about_ZkSyncSessions.md");
            Assert.Contains("ForEach-Object -Parallel", about);
            Assert.Contains("Start-ThreadJob", about);
            Assert.Contains("Start-Job", about);
            Assert.Contains("$using:", about);
        }
    }
}
