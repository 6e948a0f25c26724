#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# examples/nightly-sync.ps1 end to end, in its own pwsh process as a scheduler runs it, against emulators started here.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Example = Join-Path $script:RepoRoot 'examples' 'nightly-sync.ps1'
    # This pwsh, again: its own executable, or `dotnet pwsh.dll` when it runs as a .NET tool (tools/run-pester.sh).
    $script:Pwsh = @([Environment]::ProcessPath)
    if ([System.IO.Path]::GetFileNameWithoutExtension($script:Pwsh[0]) -eq 'dotnet') {
        $script:Pwsh += Join-Path $PSHOME 'pwsh.dll'
    }

    function New-TestCredential([string] $Folder, [string] $Name, [string] $Password) {
        $credential = [pscredential]::new($Name, (ConvertTo-SecureString $Password -AsPlainText -Force))
        $credential | Export-Clixml -LiteralPath (Join-Path $Folder "$Name.xml")
    }

    # One row of the runbook's inventory (devices.csv): a loopback emulator over TCP.
    function New-InventoryRow([string] $Site, [string] $Role, [int] $Port, [string] $CredentialName) {
        [pscustomobject]@{
            Site = $Site; Role = $Role; IPAddress = '127.0.0.1'; Port = $Port; Protocol = 'Tcp'
            CredentialName = $CredentialName
        }
    }

    # A port nothing listens on: bound on loopback, noted, closed.
    function Get-ClosedPort {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $port
    }

    function Invoke-NightlySync([string] $Root, [string[]] $Extra = @()) {
        $output = & $script:Pwsh[0] @($script:Pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive `
            -File $script:Example -InventoryPath (Join-Path $Root 'devices.csv') `
            -CredentialPath (Join-Path $Root 'keys') -BackupPath (Join-Path $Root 'backups') `
            -LogPath (Join-Path $Root 'logs') `
            -JournalPath (Join-Path $Root 'journal') -Timeout 2 -ModulePath $script:ModuleManifest @Extra 2>&1
        [pscustomobject]@{
            ExitCode = $LASTEXITCODE
            Output   = @($output | ForEach-Object ToString)
            Last     = "$($output | Select-Object -Last 1)"
        }
    }
}

AfterAll {
    Remove-ZkTestDevice
}

Describe 'examples/nightly-sync.ps1' {
    BeforeEach {
        $script:Root = Join-Path ([System.IO.Path]::GetTempPath()) ("zksync-nightly-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path (Join-Path $script:Root 'keys') -Force | Out-Null
        New-TestCredential (Join-Path $script:Root 'keys') 'ZkSyncBackup' 'backup-Passw0rd'
    }
    AfterEach {
        Remove-ZkTestDevice
        Remove-Item -Recurse -Force $script:Root -ErrorAction SilentlyContinue
    }

    It 'syncs every reachable destination, journals the unreachable ones and exits 1 naming them' {
        $keys = Join-Path $script:Root 'keys'
        New-TestCredential $keys 'SiteA' '531642'
        New-TestCredential $keys 'SiteB' '975310'
        $sourceA = Start-ZkEmulator -Users 12 -CommKey 531642 -Seed 3
        $a1 = Start-ZkEmulator -CommKey 531642
        $a2 = Start-ZkEmulator -CommKey 531642
        $sourceB = Start-ZkEmulator -Users 5 -CommKey 975310 -Seed 9
        $b1 = Start-ZkEmulator -CommKey 975310
        $closedPort = Get-ClosedPort
        $closedSourcePort = Get-ClosedPort
        $c1 = Start-ZkEmulator -CommKey 975310
        @(
            New-InventoryRow A Source $sourceA.Port SiteA
            New-InventoryRow A Destination $a1.Port SiteA
            New-InventoryRow A Destination $a2.Port SiteA
            New-InventoryRow B Source $sourceB.Port SiteB
            New-InventoryRow B Destination $b1.Port SiteB
            New-InventoryRow B Destination $closedPort SiteB
            New-InventoryRow C Source $closedSourcePort SiteB
            New-InventoryRow C Destination $c1.Port SiteB
        ) | Export-Csv -LiteralPath (Join-Path $script:Root 'devices.csv') -NoTypeInformation

        $run = Invoke-NightlySync $script:Root

        $run.ExitCode | Should -Be 1 -Because ($run.Output -join "`n")
        $run.Last | Should -Match ("FAILED 2 of 5: site B: 127\.0\.0\.1:$closedPort \(.+\); " +
            "site C: source 127\.0\.0\.1:$closedSourcePort ")

        # The others were synced, with verify, after an encrypted backup each.
        foreach ($pair in @(@($a1, 12, 531642), @($a2, 12, 531642), @($b1, 5, 975310), @($c1, 0, 975310))) {
            $session = $pair[0] | Connect-ZkDevice -CommKey $pair[2] -Timeout 3
            @(Get-ZkUser -Session $session).Count | Should -Be $pair[1]
        }
        $backups = @(Get-ChildItem -Recurse -File (Join-Path $script:Root 'backups'))
        $backups.Count | Should -Be 3
        { Start-ZkEmulator -FromBackup $backups[0].FullName } | Should -Throw

        $history = @(Get-ZkSyncHistory -JournalPath (Join-Path $script:Root 'journal'))
        $history.Count | Should -Be 5
        @($history | Where-Object Status -eq 'Succeeded').Count | Should -Be 3
        @($history | Where-Object { $_.Status -eq 'Succeeded' -and $_.Verified }).Count | Should -Be 3
        $failed = @($history | Where-Object Status -eq 'Failed' | Sort-Object Destination)
        $failed.Destination | Should -Be (@("127.0.0.1:$closedPort", "127.0.0.1:$($c1.Port)") | Sort-Object)
        $failed.Command | Sort-Object -Unique | Should -Be 'nightly-sync.ps1'
        ($failed | Where-Object Destination -eq "127.0.0.1:$($c1.Port)").Error |
            Should -Match 'source could not be reached'

        # The report next to the journal: tonight's runs as the journal has them, and the health checks after the sync.
        $reportPath = Join-Path $script:Root 'journal' 'sync-report.html'
        $reportPath | Should -Exist
        $run.Output -join "`n" | Should -Match ([regex]::Escape("Report: $reportPath"))
        $page = Get-Content -Raw $reportPath
        $page | Should -Match '<title>ZkSync nightly sync: devices\.csv</title>'
        $page | Should -Match 'data-field="runs">5<'
        $page | Should -Match 'data-field="succeeded">3<'
        $page | Should -Match 'data-field="failed">2<'
        $failedRow = "<tr class=`"device`" data-device=`"127\.0\.0\.1:$closedPort`">.*?data-field=`"outcome`">Failed<"
        $page | Should -Match $failedRow
        $page | Should -Match "<tr class=`"health`" data-device=`"127\.0\.0\.1:$($a1.Port)`">"
        $page | Should -Match '<svg id="runs-chart"'
        $page | Should -Not -Match '<script|<link| src=| href='

        # Keys come from credentials and appear in neither the transcript nor the journal nor the output.
        $transcriptFile = Get-ChildItem (Join-Path $script:Root 'logs') -Filter '*.log' | Select-Object -First 1
        $transcript = Get-Content -Raw $transcriptFile.FullName
        $transcript | Should -Match 'Before:'
        $journal = (Get-ChildItem (Join-Path $script:Root 'journal') | Get-Content -Raw) -join "`n"
        foreach ($secret in '531642', '975310', 'backup-Passw0rd') {
            $transcript | Should -Not -Match $secret
            $journal | Should -Not -Match $secret
            ($run.Output -join "`n") | Should -Not -Match $secret
        }
    }

    It 'exits 0 with one OK line when everything synced, and 2 with the reason when a credential is missing' {
        $keys = Join-Path $script:Root 'keys'
        New-TestCredential $keys 'Lab' '246800'
        $source = Start-ZkEmulator -Users 3 -CommKey 246800
        $destination = Start-ZkEmulator -CommKey 246800
        @(
            New-InventoryRow Lab Source $source.Port Lab
            New-InventoryRow Lab Destination $destination.Port Lab
        ) | Export-Csv -LiteralPath (Join-Path $script:Root 'devices.csv') -NoTypeInformation

        $run = Invoke-NightlySync $script:Root
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $run.Last | Should -Be 'nightly-sync.ps1: OK: synced 1 destination(s), 3 added, 0 updated, 0 unchanged'

        Remove-Item (Join-Path $keys 'Lab.xml')
        $run = Invoke-NightlySync $script:Root
        $run.ExitCode | Should -Be 2
        $run.Last | Should -Match "^nightly-sync\.ps1: cannot start: No credential 'Lab'"
    }
}

Describe 'The run journal with two processes writing at once' {
    It 'keeps every record whole when this process and another append at the same time' {
        $journal = Join-Path ([System.IO.Path]::GetTempPath()) ("zksync-2proc-" + [guid]::NewGuid().ToString('N'))
        # Long records (larger than any write buffer), so interleaved or torn appends could not go unnoticed.
        $writer = {
            param($Manifest, $Journal, $Tag)
            Import-Module $Manifest
            # Warm up (load and compile the journal path) elsewhere first, so neither writer is done before the other
            # starts.
            Write-ZkSyncHistory -Destination warm-up -JournalPath "$Journal.warmup.$Tag"
            # Both writers start together: each says it is ready and waits for the other.
            New-Item -ItemType File "$Journal.ready.$Tag" | Out-Null
            $giveUp = [DateTime]::UtcNow.AddMinutes(2)
            while (@(Get-ChildItem "$Journal.ready.*").Count -lt 2 -and [DateTime]::UtcNow -lt $giveUp) {
                Start-Sleep -Milliseconds 5
            }
            foreach ($n in 1..150) {
                Write-ZkSyncHistory -Destination "$Tag-$n" -Error ($Tag * 3000) -JournalPath $Journal
            }
        }
        $command = "& { $writer } '$script:ModuleManifest' '$journal' 'B'"
        $other = $script:Pwsh + @('-NoProfile', '-NonInteractive', '-Command', $command)
        $arguments = $other | Select-Object -Skip 1 |
            ForEach-Object { if ($_ -match '\s') { '"' + ($_ -replace '"', '\"') + '"' } else { $_ } }
        $process = Start-Process -FilePath $other[0] -ArgumentList $arguments -PassThru -NoNewWindow
        & $writer $script:ModuleManifest $journal 'A'
        $process.WaitForExit(120000) | Should -BeTrue
        $process.ExitCode | Should -Be 0

        $records = @(Get-ZkSyncHistory -JournalPath $journal -WarningVariable skipped)
        $skipped | Should -BeNullOrEmpty
        $records.Count | Should -Be 300
        @($records | Where-Object { $_.Error -ne ($_.Destination.Substring(0, 1) * 3000) }).Count | Should -Be 0
        @($records.Destination | Sort-Object -Unique).Count | Should -Be 300
        # The two really wrote at the same time: their records alternate in the file more than once.
        $tags = $records | ForEach-Object { $_.Destination.Substring(0, 1) }
        $switches = @(1..($tags.Count - 1) | Where-Object { $tags[$_] -ne $tags[$_ - 1] }).Count
        Remove-Item -Recurse -Force $journal, "$journal.ready.*", "$journal.warmup.*"
        if ($switches -le 2) {
            Set-ItResult -Inconclusive `
                -Because "the two writers did not overlap on this machine (load); the records are whole"
        }
    }
}

Describe 'Connect-ZkDevice -Credential under a transcript' {
    AfterEach { Remove-ZkTestDevice }

    It 'keeps the comm key out of the transcript, verbose, debug and error output' {
        $logName = "zksync-transcript-" + [guid]::NewGuid().ToString('N') + '.log'
        $log = Join-Path ([System.IO.Path]::GetTempPath()) $logName
        $emu = Start-ZkEmulator -CommKey 918273
        $right = [pscredential]::new('door', (ConvertTo-SecureString '918273' -AsPlainText -Force))
        $wrong = [pscredential]::new('door', (ConvertTo-SecureString '918274' -AsPlainText -Force))
        Start-Transcript -Path $log | Out-Null
        try {
            $session = $emu | Connect-ZkDevice -Credential $right -Timeout 3 -Verbose -Debug 4>&1 5>&1 |
                Out-String | Write-Host
            $emu | Connect-ZkDevice -Credential $wrong -Timeout 3 -ErrorAction SilentlyContinue -ErrorVariable failure |
                Out-Null
            "$failure" | Write-Host
        }
        finally {
            Stop-Transcript | Out-Null
        }
        $text = Get-Content -Raw $log
        Remove-Item $log
        $text | Should -Match 'AuthenticationFailed|comm key|rejected|authenticat'
        $text | Should -Not -Match '918273'
        $text | Should -Not -Match '918274'
    }
}
