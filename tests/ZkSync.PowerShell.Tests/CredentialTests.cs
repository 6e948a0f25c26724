using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Xunit;
using ZkSync.PowerShell.Tests.Hosting;

namespace ZkSync.PowerShell.Tests
{
    /// <summary>Connect-ZkDevice -Credential: the comm key as a PSCredential's password, never shown
    /// anywhere.</summary>
    public sealed class CredentialTests : DeviceTestBase
    {
        private const string Key = "864213";

        public CredentialTests(ModuleFixture fixture) : base(fixture) { }

        private static PSCredential Credential(string password)
        {
            var secure = new SecureString();
            foreach (char c in password) secure.AppendChar(c);
            secure.MakeReadOnly();
            return new PSCredential("door-1", secure);
        }

        private static void NoKeyIn(PsResult result)
        {
            Assert.DoesNotContain(result.Verbose, v => v.Message.Contains(Key));
            Assert.DoesNotContain(result.Debug, d => d.Message.Contains(Key));
            Assert.DoesNotContain(result.Warnings, w => w.Message.Contains(Key));
            Assert.DoesNotContain(result.AllErrors, e =>
                e.ToString().Contains(Key)
                || e.Exception.ToString().Contains(Key)
                || (e.ErrorDetails?.Message ?? "").Contains(Key)
            );
            Assert.DoesNotContain(result.Output, o => o.ToString()!.Contains(Key));
        }

        [Fact]
        public void The_right_credential_connects_and_the_key_is_in_no_verbose_or_debug_line()
        {
            Ok($"$emu = Start-ZkEmulator -CommKey {Key}");
            PsResult result = Ps.Run(
                "$s = $emu | Connect-ZkDevice -Credential $cred -Verbose -Debug -Timeout 3; $s.State; "
                    + "$s.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" }",
                "cred",
                Credential(Key)
            );
            result.ShouldSucceed();
            Assert.Equal("Open", result.Output[0].ToString());
            Assert.NotEmpty(result.Verbose);
            Assert.NotEmpty(result.Debug);
            NoKeyIn(result);
        }

        [Fact]
        public void A_wrong_credential_fails_with_AuthenticationFailed_without_the_key_in_the_error()
        {
            Ok($"$emu = Start-ZkEmulator -CommKey {Key}");
            PsResult wrong = Ps.Run(
                "$emu | Connect-ZkDevice -Credential $cred -Timeout 3 -Verbose -Debug",
                "cred",
                Credential("864214")
            );
            Assert.Equal("ZkSync.AuthenticationFailed", Assert.Single(wrong.ErrorIds));
            Assert.DoesNotContain("864214", wrong.Errors[0].ToString());
            Assert.DoesNotContain(wrong.Verbose, v => v.Message.Contains("864214"));
            Assert.DoesNotContain(wrong.Debug, d => d.Message.Contains("864214"));
        }

        [Fact]
        public void A_password_that_is_not_a_comm_key_fails_with_InvalidArgument_naming_the_user_not_the_password()
        {
            Ok($"$emu = Start-ZkEmulator -CommKey {Key}");
            PsResult result = Ps.Run(
                "$emu | Connect-ZkDevice -Credential $cred -Timeout 3",
                "cred",
                Credential("s3cret-Passw0rd")
            );
            ErrorRecord error = Assert.Single(result.Errors);
            Assert.StartsWith("ZkSync.InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Contains("door-1", error.ToString());
            Assert.Contains("0 to 999999", error.ToString());
            Assert.DoesNotContain("s3cret", error.ToString());
            Assert.DoesNotContain("s3cret", error.Exception.ToString());
        }

        [Fact]
        public void A_Credential_property_of_piped_rows_binds_and_the_journal_of_a_sync_holds_no_key()
        {
            string folder = System.IO.Path.Combine(
                System.IO.Path.GetTempPath(),
                "zksync-credjournal-" + Guid.NewGuid().ToString("N")
            );
            try
            {
                Ok($"$src = Start-ZkEmulator -CommKey {Key} -Users 2; $dst = Start-ZkEmulator -CommKey {Key}");
                PsResult result = Ps.Run(
                    @"
                    $rows = $src, $dst | ForEach-Object {
                        [pscustomobject]@{
                            IPAddress = $_.IPAddress; Port = $_.Port; Protocol = 'Tcp'; Credential = $cred
                        }
                    }
                    $a, $b = $rows | Connect-ZkDevice -Timeout 3 -Verbose
                    Sync-ZkDevice -Source $a -Destination $b -JournalPath $folder -Verbose -Debug
                    $ZkSyncJournalPath = $folder
                    Remove-ZkUser -Session $b -UserId (Get-ZkUser -Session $b)[0].UserId -Confirm:$false -Verbose
                    $ZkSyncJournalPath = $null",
                    new System.Collections.Generic.Dictionary<string, object?>
                    {
                        ["cred"] = Credential(Key),
                        ["folder"] = folder,
                    }
                );
                result.ShouldSucceed();
                NoKeyIn(result);
                string journal = string.Join(
                    "\n",
                    System.IO.Directory.GetFiles(folder).Select(System.IO.File.ReadAllText)
                );
                Assert.Contains("Sync-ZkDevice", journal);
                Assert.Contains("Remove-ZkUser", journal);
                Assert.DoesNotContain(Key, journal);
            }
            finally
            {
                if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, true);
            }
        }
    }
}
