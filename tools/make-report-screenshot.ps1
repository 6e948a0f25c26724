#Requires -Version 7.0
<#
.SYNOPSIS
    Makes docs/images/sync-report.png: Export-ZkSyncReport's page, rendered by headless Chromium.

.DESCRIPTION
    Fourteen nightly runs against emulators: a face terminal at head office synced to three sites, a bw site that
    refuses an alphanumeric user id added on night 9, a site unreachable on nights 5 and 11 (recorded with
    Write-ZkSyncHistory), and a site clock set 95 s ahead. Each night's records get that night's time in the journal,
    so the chart spans two weeks; everything else is what the commands wrote. Needs the module built (out/ZkSync)
    and chromium on PATH.
#>
param([string] $OutFile = (Join-Path $PSScriptRoot '../docs/images/sync-report.png'))
$ErrorActionPreference = 'Stop'
$OutFile = [IO.Path]::GetFullPath($OutFile)
Import-Module (Join-Path $PSScriptRoot '../out/ZkSync/ZkSync.psd1') -Force
$work = Join-Path ([IO.Path]::GetTempPath()) ('zksync-report-' + [guid]::NewGuid().ToString('N'))
$journal = Join-Path $work 'journal'
New-Item -ItemType Directory -Path $journal -Force | Out-Null
$global:ZkSyncJournalPath = $journal # every command below, Test-ZkDevice included, uses it
try {
    $hq = Start-ZkEmulator -Profile face -Users 40 -Seed 7 | Connect-ZkDevice
    $siteA = Start-ZkEmulator -Profile face | Connect-ZkDevice
    $siteB = Start-ZkEmulator -Profile bw | Connect-ZkDevice
    $siteC = Start-ZkEmulator -Profile tft | Connect-ZkDevice
    $unreachableC = '10.20.3.40:4370'
    $lines = 0
    foreach ($night in 1..14) {
        if ($night -eq 9) { New-ZkUser -Session $hq -UserId 'V2041' -Name 'Visitor 2041' | Out-Null }
        $destinations = if ($night -in 5, 11) { @($siteA, $siteB) } else { @($siteA, $siteB, $siteC) }
        $quiet = @{ ErrorAction = 'SilentlyContinue'; WarningAction = 'SilentlyContinue'; Confirm = $false }
        Sync-ZkDevice -Source $hq -Destination $destinations -AllowTruncation -Summary @quiet | Out-Null
        if ($night -in 5, 11) {
            $reason = 'not synced: no answer over TCP or UDP within 5 s'
            Write-ZkSyncHistory -Destination $unreachableC -Source $hq.Device -Error $reason -Command 'nightly-sync.ps1'
        }
        # This night's records: 02:00 local time, the last night being last night.
        $file = Get-ChildItem $journal -Filter '*.jsonl' | Select-Object -First 1
        $all = @(Get-Content $file.FullName)
        $when = (Get-Date).Date.AddDays($night - 15).AddHours(2)
        for ($i = $lines; $i -lt $all.Count; $i++) {
            $stamp = $when.AddSeconds(($i - $lines) * 7).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffffffZ')
            $all[$i] = $all[$i] -replace '^\{"Time":"[^"]*"', ('{"Time":"' + $stamp + '"')
        }
        $lines = $all.Count
        Set-Content -LiteralPath $file.FullName -Value $all
    }
    Set-ZkDeviceTime -Session $siteC -Time (Get-Date).AddSeconds(95)
    $page = Join-Path $work 'report.html'
    $title = 'ZkSync sync report: head office and three sites'
    $hq, $siteA, $siteB, $siteC | Test-ZkDevice |
        Export-ZkSyncReport -Path $page -After (Get-Date).Date.AddDays(-14) -Title $title | Out-Null
    $flags = '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--window-size=1100,1290'
    & chromium @flags "--screenshot=$OutFile" "file://$page" 2>&1 | Out-Null
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path $OutFile)) { throw "chromium did not write $OutFile ($LASTEXITCODE)" }
    Write-Host "wrote $OutFile"
}
finally {
    Get-ZkSession | Disconnect-ZkDevice
    Stop-ZkEmulator -All
    $global:ZkSyncJournalPath = $null
    if (-not $env:ZKSYNC_KEEP) { Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue }
}
