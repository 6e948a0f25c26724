<#
.SYNOPSIS
    Nightly sync of ZKTeco terminals from a CSV inventory: per site, one source and its destinations.

.DESCRIPTION
    For a scheduler (Task Scheduler, a systemd timer, cron, an Azure Automation Hybrid Runbook Worker):
      1. reads the inventory (columns Site, Role = Source or Destination, IPAddress, Port, Protocol, CredentialName);
      2. gets every comm key from a credential (never from this script): a Clixml file in -CredentialPath, else
         Azure Automation's Get-AutomationPSCredential, else SecretManagement's Get-Secret; the password is the key;
      3. checks every device with Test-ZkDevice before and after;
      4. per site, syncs the source to its destinations with Sync-ZkDevice (everything written is read back), writing
         an encrypted backup of each destination (-BackupPath, password from the -BackupCredentialName credential)
         before changing it; a destination that cannot be reached is recorded in the run journal and the rest go on;
      5. writes the sync report (Export-ZkSyncReport: the last 30 days of the journal and tonight's health checks) as
         sync-report.html next to the journal;
      6. keeps a transcript in -LogPath and ends with one line and an exit code:
           0  every destination synced
           1  at least one destination (or a site's source) failed; the line names them
           2  the run could not start (inventory, credentials, module)
           3  every destination synced, but a device is unhealthy afterwards (clock, capacity, left disabled)

.EXAMPLE
    pwsh -NoProfile -File nightly-sync.ps1 -InventoryPath /etc/zksync/devices.csv -CredentialPath /etc/zksync/keys
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $InventoryPath,

    # Folder of <CredentialName>.xml files (Export-Clixml of a PSCredential whose password is the comm key).
    [string] $CredentialPath,

    [string] $BackupPath = (Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'ZkSync/Backups'),

    # The credential whose password encrypts the backups.
    [string] $BackupCredentialName = 'ZkSyncBackup',

    [string] $LogPath = (Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'ZkSync/Logs'),

    # Run journal folder (default: $ZkSyncJournalPath, else the module's per-user default).
    [string] $JournalPath,

    # Only these sites.
    [string[]] $Site,

    [int] $Timeout = 5,

    # The module to load: its name, or the path of ZkSync.psd1.
    [string] $ModulePath = 'ZkSync'
)

$ErrorActionPreference = 'Stop'
$script:Name = Split-Path -Leaf $PSCommandPath

function Exit-Run([int] $Code, [string] $Reason) {
    # One line a scheduler's log shows as it is, then the transcript is closed.
    Write-Host "${script:Name}: $Reason"
    if ($script:Transcribing) { Stop-Transcript | Out-Null }
    exit $Code
}

function Get-DeviceCredential([string] $Name) {
    $file = if ($CredentialPath) { Join-Path $CredentialPath "$Name.xml" }
    if ($file -and (Test-Path -LiteralPath $file)) { return Import-Clixml -LiteralPath $file }
    if (Get-Command Get-AutomationPSCredential -ErrorAction SilentlyContinue) {
        return Get-AutomationPSCredential -Name $Name
    }
    if (Get-Command Get-Secret -ErrorAction SilentlyContinue) { return Get-Secret -Name $Name }
    throw ("No credential '$Name': put $Name.xml in -CredentialPath, or store it in Azure Automation or a " +
        'SecretManagement vault.')
}

try {
    New-Item -ItemType Directory -Force -Path $LogPath | Out-Null
    Start-Transcript -Path (Join-Path $LogPath ("nightly-sync-{0:yyyyMMdd-HHmmss}.log" -f (Get-Date))) | Out-Null
    $script:Transcribing = $true
}
catch {
    # Some hosts (an Azure Automation sandbox) keep their own job log instead; the run goes on without a transcript.
    Write-Warning "No transcript: $($_.Exception.Message)"
}

# --- Start: module, inventory, credentials. Anything wrong here is exit 2. ---
try {
    Import-Module $ModulePath -ErrorAction Stop
    if ($JournalPath) { $global:ZkSyncJournalPath = $JournalPath }
    $inventory = @(Import-Csv -LiteralPath $InventoryPath)
    foreach ($column in 'Site', 'Role', 'IPAddress', 'CredentialName') {
        if ($inventory.Count -eq 0 -or $column -notin $inventory[0].PSObject.Properties.Name) {
            throw "$InventoryPath has no $column column (or no rows)."
        }
    }
    if ($Site) { $inventory = @($inventory | Where-Object Site -in $Site) }
    foreach ($row in $inventory) {
        if ($row.Role -notin 'Source', 'Destination') {
            throw "$InventoryPath, $($row.IPAddress): Role must be Source or Destination, not '$($row.Role)'."
        }
        if (-not $row.Port) { $row.Port = 4370 }
        if (-not $row.PSObject.Properties['Protocol'] -or -not $row.Protocol) {
            $row | Add-Member -Force NoteProperty Protocol 'Auto'
        }
        $row | Add-Member -Force NoteProperty Credential (Get-DeviceCredential $row.CredentialName)
        $row | Add-Member -Force NoteProperty Device "$($row.IPAddress):$($row.Port)"
    }
    $backupPassword = (Get-DeviceCredential $BackupCredentialName).Password
}
catch {
    Exit-Run 2 "cannot start: $($_.Exception.Message)"
}

# --- Before: a health check of every device, for the log. ---
Write-Host 'Before:'
$inventory | Test-ZkDevice -Timeout $Timeout | Format-Table -AutoSize | Out-Host

# --- Sync, site by site. Failures are collected, never thrown. ---
$failures = [System.Collections.Generic.List[string]]::new()
$failedDevices = [System.Collections.Generic.HashSet[string]]::new()
$unhealthy = [System.Collections.Generic.List[object]]::new()
$synced = [System.Collections.Generic.List[object]]::new()
$health = [System.Collections.Generic.List[object]]::new()
foreach ($group in $inventory | Group-Object Site) {
    $sources = @($group.Group | Where-Object Role -eq 'Source')
    if ($sources.Count -ne 1) { $failures.Add("site $($group.Name): $($sources.Count) sources, expected 1"); continue }
    $source = $sources[0] | Connect-ZkDevice -Timeout $Timeout -ErrorAction SilentlyContinue -ErrorVariable sourceError
    if (-not $source) {
        $reason = $sourceError[0].Exception.Message
        $failures.Add("site $($group.Name): source $($sources[0].Device) ($reason)")
        # Its destinations were not synced tonight either: the journal (and Test-ZkDevice's LastFailedSync) says so.
        foreach ($row in $group.Group | Where-Object Role -eq 'Destination') {
            $history = @{
                Destination = $row.Device
                Source      = $sources[0].Device
                Error       = "not synced: the source could not be reached ($reason)"
                Command     = $script:Name
            }
            Write-ZkSyncHistory @history
        }
        continue
    }

    $destinations = foreach ($row in $group.Group | Where-Object Role -eq 'Destination') {
        $session = $row | Connect-ZkDevice -Timeout $Timeout -ErrorAction SilentlyContinue -ErrorVariable connectError
        if ($session) { $session; continue }
        $reason = $connectError[0].Exception.Message
        $failures.Add("site $($group.Name): $($row.Device) ($reason)")
        $null = $failedDevices.Add($row.Device)
        Write-ZkSyncHistory -Destination $row.Device -Source $source.Device -Error "not synced: $reason" `
            -Command $script:Name
    }
    if (-not $destinations) { $source | Disconnect-ZkDevice; continue }

    $sitePath = Join-Path $BackupPath $group.Name
    # -Summary: one summary per destination instead of one result per user (the journal keeps the per-user failures).
    $sync = @{
        Source             = $source
        Destination        = $destinations
        BackupPath         = $sitePath
        BackupPathPassword = $backupPassword
        Summary            = $true
        Confirm            = $false
        ErrorAction        = 'SilentlyContinue'
    }
    $summaries = Sync-ZkDevice @sync
    foreach ($summary in $summaries) {
        Write-Host "  $summary"
        if ($summary.Succeeded) { $synced.Add($summary); continue }
        $null = $failedDevices.Add($summary.Destination)
        if ($summary.Error) { $failures.Add("site $($group.Name): $($summary.Destination) ($($summary.Error))") }
        else { $failures.Add("site $($group.Name): $($summary.Destination) ($($summary.Failed) user(s) failed)") }
    }

    # --- After: the devices this site wrote to, through the sessions that wrote them. ---
    Write-Host "After, site $($group.Name):"
    $after = @($source) + @($destinations) | Test-ZkDevice
    $after | Format-Table -AutoSize | Out-Host
    $after | ForEach-Object { $health.Add($_) }
    $after | Where-Object { -not $_.Healthy -and -not $failedDevices.Contains($_.Device) } |
        ForEach-Object { $unhealthy.Add($_) }
    @($source) + @($destinations) | Disconnect-ZkDevice
}

# --- Report: one HTML page next to the journal (30 days, tonight's health checks). Never changes the exit code. ---
try {
    $journalFile = (Get-ZkSyncHistory -Last 1).JournalFile
    $reportFolder = if ($journalFile) { Split-Path -Parent $journalFile } else { $LogPath }
    $title = "ZkSync nightly sync: $(Split-Path -Leaf $InventoryPath)"
    $report = $health | Export-ZkSyncReport -Path (Join-Path $reportFolder 'sync-report.html') -Title $title
    Write-Host "Report: $($report.FullName)"
}
catch {
    Write-Warning "No report: $($_.Exception.Message)"
}

if ($failures.Count -gt 0) {
    Exit-Run 1 ("FAILED {0} of {1}: {2}" -f $failures.Count, ($failures.Count + $synced.Count), ($failures -join '; '))
}
if ($unhealthy.Count -gt 0) {
    $problems = $unhealthy | ForEach-Object { "$($_.Device) ($($_.Problems -join ', '))" }
    Exit-Run 3 ("synced {0} destination(s), but unhealthy afterwards: {1}" -f $synced.Count, ($problems -join '; '))
}
Exit-Run 0 ("OK: synced {0} destination(s), {1} added, {2} updated, {3} unchanged" -f $synced.Count,
    ($synced | Measure-Object Added -Sum).Sum, ($synced | Measure-Object Updated -Sum).Sum,
    ($synced | Measure-Object Unchanged -Sum).Sum)
