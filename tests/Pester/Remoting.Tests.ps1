# Sites the runbook host cannot reach, over PowerShell remoting (issue 22): the master exported once, encrypted; each
# site host imports it to its own terminals through Invoke-Command; the results come back deserialized, display with
# the module's views and carry PSComputerName; each site's journal is read from the central host.
# Remoting runs over SSH to 127.0.0.1: this test starts its own sshd (Debian's openssh-server; .ci/run installs it) on a
# free loopback port, with its own host key, config and authorized key in a temporary folder and a powershell subsystem
# running this very pwsh; it stops that sshd afterwards. Two PSSessions are the two "sites", each with its own
# emulators.
BeforeDiscovery {
    $script:Sshd = @('/usr/sbin/sshd', '/usr/bin/sshd') | Where-Object { Test-Path $_ } | Select-Object -First 1
    # Outside CI a machine without sshd (or not root, which key auth for root needs) skips; under CI=true it must run.
    $script:CanRun = $script:Sshd -and $IsLinux -and ((id -u) -eq '0') -and (Get-Command ssh-keygen -ErrorAction Ignore)
    $script:SkipRemoting = -not $script:CanRun -and $env:CI -ne 'true'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    function Get-FreeLoopbackPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }
}

Describe 'Sites over PowerShell remoting (SSH to 127.0.0.1)' -Skip:$script:SkipRemoting {
    BeforeAll {
        $sshd = @('/usr/sbin/sshd', '/usr/bin/sshd') | Where-Object { Test-Path $_ } | Select-Object -First 1
        if (-not $sshd) { throw 'sshd not found: apt-get install openssh-server (.ci/run installs it under CI).' }
        $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) ("zksync-remoting-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $script:Dir | Out-Null
        & ssh-keygen -q -t ed25519 -N '' -f (Join-Path $script:Dir 'host_key') | Out-Null
        & ssh-keygen -q -t ed25519 -N '' -f (Join-Path $script:Dir 'client_key') | Out-Null
        Copy-Item (Join-Path $script:Dir 'client_key.pub') (Join-Path $script:Dir 'authorized_keys')
        # sshd insists on its privilege separation directory.
        if (-not (Test-Path /run/sshd)) { New-Item -ItemType Directory -Path /run/sshd | Out-Null }

        $script:Port = Get-FreeLoopbackPort
        # The pwsh tools/run-pester.sh installed (a dotnet tool: this process's own path is dotnet's), else the one on
        # PATH.
        $pwsh = Join-Path $script:RepoRoot '.tools' 'pwsh'
        if (-not (Test-Path $pwsh)) {
            $pwsh = (Get-Command pwsh -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
        }
        $config = Join-Path $script:Dir 'sshd_config'
        @(
            "Port $script:Port"
            'ListenAddress 127.0.0.1'
            "HostKey $(Join-Path $script:Dir 'host_key')"
            "PidFile $(Join-Path $script:Dir 'sshd.pid')"
            "AuthorizedKeysFile $(Join-Path $script:Dir 'authorized_keys')"
            'PubkeyAuthentication yes'
            'PasswordAuthentication no'
            'KbdInteractiveAuthentication no'
            'PermitRootLogin prohibit-password'
            'StrictModes no'
            'UsePAM no'
            "Subsystem powershell $pwsh -sshs -NoLogo -NoProfile"
        ) | Set-Content -Path $config
        $script:SshdProcess = Start-Process -FilePath $sshd -ArgumentList '-D', '-e', '-f', $config -PassThru `
            -RedirectStandardError (Join-Path $script:Dir 'sshd.log')
        $deadline = (Get-Date).AddSeconds(20)
        $listening = $false
        while (-not $listening -and (Get-Date) -lt $deadline) {
            $probe = [System.Net.Sockets.TcpClient]::new()
            try { $probe.Connect('127.0.0.1', $script:Port); $listening = $true }
            catch { Start-Sleep -Milliseconds 100 }
            finally { $probe.Dispose() }
        }
        if (-not $listening) {
            $log = Get-Content (Join-Path $script:Dir 'sshd.log') -Raw
            throw "sshd did not listen on 127.0.0.1:$($script:Port): $log"
        }

        # The host key is known beforehand, so ssh checks it strictly and prints nothing (PowerShell reads ssh's stderr
        # as errors).
        $hostKey = (Get-Content (Join-Path $script:Dir 'host_key.pub') -Raw).Trim()
        Set-Content -Path (Join-Path $script:Dir 'known_hosts') -Value "[127.0.0.1]:$($script:Port) $hostKey"
        $ssh = @{
            HostName          = '127.0.0.1'
            Port              = $script:Port
            UserName          = 'root'
            KeyFilePath       = (Join-Path $script:Dir 'client_key')
            Options           = @{
                StrictHostKeyChecking = 'yes'
                UserKnownHostsFile    = (Join-Path $script:Dir 'known_hosts')
                LogLevel              = 'ERROR'
            }
            ConnectingTimeout = 60000
        }
        $script:Sites = @(
            New-PSSession @ssh -Name 'SiteA' -ErrorAction Stop
            New-PSSession @ssh -Name 'SiteB' -ErrorAction Stop
        )

        # Central: the master, exported once, encrypted.
        $script:Master = Start-ZkEmulator -Profile face -Users 6 | Connect-ZkDevice -Name 'Master' -Timeout 3
        $script:BackupPassword = 'correct horse 22'
        $secure = [System.Net.NetworkCredential]::new('', $script:BackupPassword).SecurePassword
        $file = Join-Path $script:Dir 'master.zksync'
        $exported = Export-ZkDevice -Session $script:Master -Path $file -Password $secure
        $script:Backup = $exported.Path

        # Each site: the backup copied over the session, its own journal folder and its own two terminals.
        foreach ($site in $script:Sites) {
            $siteDir = Invoke-Command -Session $site {
                $path = Join-Path ([IO.Path]::GetTempPath()) ('zksync-site-' + [guid]::NewGuid().ToString('N'))
                (New-Item -ItemType Directory -Path $path).FullName
            }
            Copy-Item -Path $script:Backup -Destination $siteDir -ToSession $site
            Invoke-Command -Session $site -ArgumentList $script:ModuleManifest, $siteDir, $site.Name {
                param($manifest, $siteDir, $siteName)
                Import-Module $manifest -ErrorAction Stop
                $global:ZkSyncJournalPath = Join-Path $siteDir 'journal'
                $global:SiteDir = $siteDir
                $global:Doors = 1..2 | ForEach-Object {
                    $name = "$siteName-Door-$_"
                    Start-ZkEmulator -Profile face | Connect-ZkDevice -Name $name -Site $siteName -Timeout 3
                }
            }
        }
    }

    AfterAll {
        if ($script:Sites) {
            Invoke-Command -Session $script:Sites -ErrorAction SilentlyContinue {
                Get-ZkSession | Disconnect-ZkDevice
                Stop-ZkEmulator -All
                Remove-Item -Recurse -Force $global:SiteDir
            }
            $script:Sites | Remove-PSSession
        }
        Remove-ZkTestDevice
        if ($script:SshdProcess -and -not $script:SshdProcess.HasExited) {
            Stop-Process -Id $script:SshdProcess.Id -Force
            $script:SshdProcess.WaitForExit(10000) | Out-Null
        }
        if ($script:Dir) { Remove-Item -Recurse -Force $script:Dir -ErrorAction SilentlyContinue }
    }

    It 'each site syncs its terminals from the exported master; summaries come back deserialized, with PSComputerName' {
        # The password travels as the site would get it from its own vault; here an argument, converted on the site.
        $summaries = Invoke-Command -Session $script:Sites -ArgumentList $script:BackupPassword {
            param($password)
            $secure = [System.Net.NetworkCredential]::new('', $password).SecurePassword
            $backup = Join-Path $global:SiteDir 'master.zksync'
            Import-ZkDevice -Path $backup -Password $secure -Destination $global:Doors -Summary -Confirm:$false
        }

        $summaries | Should -HaveCount 4
        $summaries.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'Deserialized.ZkSync.PowerShell.ZkSyncSummary' })
        $summaries | ForEach-Object { $_.PSComputerName | Should -Be '127.0.0.1' }
        $doors = 'SiteA-Door-1', 'SiteA-Door-2', 'SiteB-Door-1', 'SiteB-Door-2'
        ($summaries.Destination | Sort-Object) | Should -Be $doors
        foreach ($summary in $summaries) {
            $summary.Added | Should -Be 6
            $summary.Failed | Should -Be 0
            $summary.Error | Should -BeNullOrEmpty
        }

        # The module's table view, not PowerShell's default list of every property, and it fits 80 columns.
        $text = $summaries | Format-Table | Out-String -Width 80
        $text | Should -Match 'Destination\s+Added\s+Updated\s+Unchanged\s+Removed\s+Failed'
        $text | Should -Not -Match 'BytesUploaded'
        $widest = ($text -split "`n" | ForEach-Object { $_.TrimEnd().Length } | Measure-Object -Maximum).Maximum
        $widest | Should -BeLessOrEqual 80

        # Judged by the terminals themselves, read on each site.
        $counts = Invoke-Command -Session $script:Sites {
            $global:Doors | ForEach-Object { @(Get-ZkUser -Session $_).Count }
        }
        $counts | Should -Be @(6, 6, 6, 6)
    }

    It "each site's journal is read from the central host" {
        $history = Invoke-Command -Session $script:Sites { Get-ZkSyncHistory }
        $history.ForEach({ $_.PSObject.TypeNames[0] | Should -Be 'Deserialized.ZkSync.PowerShell.ZkSyncHistoryRecord' })
        $succeeded = ($history | Where-Object Status -eq 'Succeeded').Destination | Sort-Object
        $succeeded | Should -Be @('SiteA-Door-1', 'SiteA-Door-2', 'SiteB-Door-1', 'SiteB-Door-2')
        $text = $history | Format-Table | Out-String -Width 80
        $text | Should -Match 'SiteA-Door-1'
        $widest = ($text -split "`n" | ForEach-Object { $_.TrimEnd().Length } | Measure-Object -Maximum).Maximum
        $widest | Should -BeLessOrEqual 80
    }
}
