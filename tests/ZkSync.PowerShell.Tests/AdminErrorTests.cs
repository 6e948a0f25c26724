using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>The errors an admin meets: ids, categories and messages that name what to do (issue 13,
    /// Errors).</summary>
    public sealed class AdminErrorTests : DeviceTestBase, IDisposable
    {
        private readonly string _folder = Path.Combine(
            Path.GetTempPath(),
            "zksync-errors-" + Guid.NewGuid().ToString("N")
        );

        public AdminErrorTests(ModuleFixture fixture)
            : base(fixture) => Directory.CreateDirectory(_folder);

        private string File(string name) => Path.Combine(_folder, name);

        private static ErrorRecord Failure(PsResult result) => Assert.Single(result.AllErrors);

        [Fact]
        public void Import_with_the_files_password_given_as_BackupPassword_names_Password()
        {
            Device("a", users: 1);
            Device("b");
            Ok(
                $"$pw = [System.Net.NetworkCredential]::new('', 'S3cret!').SecurePassword; $null = Export-ZkDevice "
                    + $"-Session $a -Path '{File("s.zksync")}' -Password $pw"
            );

            ErrorRecord misplaced = Failure(
                Ps.Run($"Import-ZkDevice -Path '{File("s.zksync")}' -Destination $b -BackupPassword $pw")
            );
            Assert.StartsWith("ZkSync.InvalidArgument,", misplaced.FullyQualifiedErrorId);
            Assert.Contains("-Password", misplaced.Exception.Message);

            ErrorRecord missing = Failure(Ps.Run($"Import-ZkDevice -Path '{File("s.zksync")}' -Destination $b"));
            Assert.StartsWith("ZkSync.BackupPasswordInvalid,", missing.FullyQualifiedErrorId);
            Assert.Contains("give its password with -Password", missing.Exception.Message);
            Assert.Equal(0, Count("Get-ZkUser -Session $b"));
        }

        [Fact]
        public void A_missing_backup_file_is_ObjectNotFound()
        {
            Device("b");
            ErrorRecord error = Failure(Ps.Run($"Import-ZkDevice -Path '{File("nothing.zksync")}' -Destination $b"));
            Assert.StartsWith("ZkSync.FileNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }

        [Fact]
        public void A_missing_photo_file_is_ObjectNotFound_not_a_write_error()
        {
            Device("a", "face", users: 1);
            ErrorRecord error = Failure(
                Ps.Run(
                    $"Set-ZkUserPhoto -Session $a -UserId @(Get-ZkUser -Session $a)[0].UserId -Path "
                        + $"'{File("none.jpg")}'"
                )
            );
            Assert.StartsWith("ZkSync.FileNotFound,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }

        [Fact]
        public void A_closed_port_with_Protocol_Auto_reports_TCP_first_then_UDP()
        {
            int port = ClosedPort();
            ErrorRecord error = Failure(
                Ps.Run($"Connect-ZkDevice -IPAddress 127.0.0.1 -Port {port} -Protocol Auto -Timeout 1")
            );
            Assert.StartsWith("ZkSync.ConnectFailed,", error.FullyQualifiedErrorId);
            string message = error.Exception.Message;
            int tcp = message.IndexOf("TCP:", StringComparison.Ordinal),
                udp = message.IndexOf("UDP:", StringComparison.Ordinal);
            Assert.True(tcp >= 0 && udp > tcp, message);
            Assert.Contains("refused", message.Substring(tcp, udp - tcp));
        }

        [Fact]
        public async Task An_HTTP_server_on_the_port_is_reported_as_not_a_ZKTeco_terminal()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var server = Task.Run(async () =>
            {
                using TcpClient client = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
                NetworkStream stream = client.GetStream();
                await stream.ReadAsync(new byte[64]).AsTask().WaitAsync(TimeSpan.FromSeconds(10)); // the CONNECT packet
                byte[] answer = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                await stream.WriteAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                await Task.Delay(500);
            });

            ErrorRecord error = Failure(
                Ps.Run($"Connect-ZkDevice -IPAddress 127.0.0.1 -Port {port} -Protocol Tcp -Timeout 3")
            );
            Assert.StartsWith("ZkSync.NotZkTerminal,", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ProtocolError, error.CategoryInfo.Category);
            Assert.Contains("not a ZKTeco terminal: an HTTP server answered", error.Exception.Message);
            Assert.DoesNotContain("magic", error.Exception.Message);
            await server.WaitAsync(TimeSpan.FromSeconds(10));
        }

        [Fact]
        public void Errors_name_the_device_once_and_the_operation_not_the_command_number_which_Verbose_keeps()
        {
            Device("a", users: 2);
            Ok(
                "$emuDead = Start-ZkEmulator; $dead = $emuDead | Connect-ZkDevice -Timeout 1; $gone = $emuDead | "
                    + "Connect-ZkDevice -Timeout 1; $emuDead | Stop-ZkEmulator"
            );
            string device = Strings("$dead.Device").Single();

            PsResult synced = Ps.Run("Sync-ZkDevice -Source $a -Destination $gone");
            string syncMessage = Failure(synced).Exception.Message;
            Assert.Equal(1, Regex.Count(syncMessage, Regex.Escape(device)));

            ErrorRecord lost = Failure(Ps.Run("Get-ZkUser -Session $dead"));
            Assert.Equal(1, Regex.Count(lost.Exception.Message, Regex.Escape(device)));

            PsResult connect = Ps.Run(
                $"Connect-ZkDevice -IPAddress 127.0.0.1 -Port {ClosedPort()} -Protocol Udp -Timeout 1 -Verbose"
            );
            ErrorRecord error = Failure(connect);
            Assert.DoesNotContain("(command ", error.Exception.Message);
            Assert.Contains("(while connecting)", error.Exception.Message);
            Assert.Contains(connect.Verbose, v =>
                v.Message.Contains("connecting is command 1000; it failed with ZkSync.")
            );
        }

        [Fact]
        public void Every_error_id_is_in_about_ZkSync_with_the_categories_it_is_raised_with()
        {
            string[] ids = Strings(
                "[ZkSync.PowerShell.ZkSession].Assembly.GetType('ZkSync.PowerShell.Infrastructure.ErrorIds')"
                    + ".GetFields('Static,Public,NonPublic') | ForEach-Object { $_.GetValue($null) }"
            );
            string about = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Docs, "about_ZkSync.md"));
            Assert.True(ids.Length > 20);
            foreach (string id in ids)
                Assert.Contains($"| {id} |", about);
            // Categories a review changed: a device's refusal, a missing file, no session yet.
            Assert.Contains("| ZkSync.DeviceError | DeviceError |", about);
            Assert.Contains("| ZkSync.FileNotFound | ObjectNotFound |", about);
            Assert.Contains("| ZkSync.NoSession | InvalidOperation |", about);
        }

        /// <summary>A loopback port nothing listens on (bound, then released).</summary>
        private static int ClosedPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        public new void Dispose()
        {
            base.Dispose();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
