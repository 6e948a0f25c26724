<#
.SYNOPSIS
    ZkSync's main job, on two emulated terminals: sync a seeded terminal to an empty one of another kind,
    verify every write, prove the devices are equal, and show that a second run has nothing to do.
.DESCRIPTION
    Runs the same in pwsh (pwsh demo/demo.ps1, after dotnet build) and in the hosted engine that
    `dotnet run --project src/ZkSync.Demo` starts on machines without pwsh. It uses core cmdlets only, so it works
    in both.
#>
param(
    # Users seeded on the source terminal, each with fingerprints, 15 face templates and a photo.
    [int]$Users = 200,
    [string]$ModulePath = "$PSScriptRoot/../out/ZkSync/ZkSync.psd1"
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

function Show-Section([string]$Title) { "`n=== $Title ===" | Out-Host }

function Show-Count([string]$Label, $Items, [string]$Property) {
    # Group-Object is not in every host; count by hand.
    $counts = [ordered]@{}
    foreach ($item in $Items) { $key = [string]$item.$Property; $counts[$key] = 1 + [int]$counts[$key] }
    "{0}: {1}" -f $Label, (($counts.Keys | ForEach-Object { "$_ $($counts[$_])" }) -join ', ') | Out-Host
}

Show-Section ("Two emulated terminals: HQ (face terminal, $Users users) and Site (empty TFT terminal with faces, " +
    'older photo commands)')
$hqEmulator = Start-ZkEmulator -Profile face -Users $Users -Seed 1
$siteEmulator = Start-ZkEmulator -Profile tft -FaceVersion 7
try {
    $hq = $hqEmulator | Connect-ZkDevice
    $site = $siteEmulator | Connect-ZkDevice
    $hq, $site | Out-Host

    Show-Section 'Device summary'
    foreach ($session in $hq, $site) {
        $info = Get-ZkDeviceInfo -Session $session
        $photos = @(Get-ZkUser -Session $session | Get-ZkUserPhoto -ErrorAction SilentlyContinue).Count
        $line = '{0} {1} ({2}, firmware {3}): {4} users, {5} fingerprints, ' +
            '{6} users with faces (face algorithm {7}), {8} photos'
        $line -f $info.DeviceName, $info.SerialNumber, $info.Platform, $info.FirmwareVersion, $info.Users,
            $info.Fingerprints, $info.UsersWithFaces, $info.FaceAlgorithm, $photos | Out-Host
    }

    Show-Section 'First users on HQ'
    Get-ZkUser -Session $hq | Where-Object { [int]$_.Uid -le 8 } | Out-Host

    Show-Section 'Sync HQ -> Site with verification (one result per user; the summary comes on the information stream)'
    $first = Sync-ZkDevice -Source $hq -Destination $site -Confirm:$false -InformationVariable firstInfo
    $first | Out-Host
    $firstInfo.MessageData | Out-Host

    Show-Section 'Compare-ZkDevice: HQ against Site'
    $comparison = Compare-ZkDevice -Reference $hq -Difference $site
    Show-Count 'users by status' $comparison 'Status'
    $comparison | Where-Object Status -ne 'Equal' | Out-Host

    Show-Section 'Sync again: nothing changed, so nothing is written'
    $second = Sync-ZkDevice -Source $hq -Destination $site -Confirm:$false -InformationVariable secondInfo
    Show-Count 'users by action' $second 'Action'
    $secondInfo.MessageData | Out-Host
    "bytes uploaded: {0}" -f (($secondInfo.MessageData | ForEach-Object { $_.BytesUploaded }) -join ', ') | Out-Host
}
finally {
    Get-ZkSession | Disconnect-ZkDevice
    $hqEmulator, $siteEmulator | Stop-ZkEmulator
}
