@{
    RootModule           = 'ZkSync.PowerShell.dll'
    # Kept equal to <Version> in Directory.Build.props (a test checks it).
    ModuleVersion        = '0.1.0'
    GUID                 = 'e372d2fb-df54-4de2-8a5b-df334a571ad8'
    Author               = 'ZkSync contributors'
    CompanyName          = 'ZkSync contributors'
    Copyright            = '(c) ZkSync contributors. MIT License.'
    # A here-string keeps the lines within 120 columns; the description keeps its line breaks.
    Description          = @'
Read, copy, sync and verify users, fingerprint templates, face templates, photos and attendance on ZKTeco
biometric terminals over their 4370 protocol (TCP/UDP), with backups, a run journal, health checks, an HTML sync
report and a built-in device emulator. No vendor SDK; PowerShell 7 and Windows PowerShell 5.1.
'@
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    # netstandard2.0 on .NET Framework needs 4.7.2 for its facades.
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('ZkSync.Format.ps1xml')
    # Explicit lists, never wildcards: fast command discovery and no accidental exports.
    CmdletsToExport      = @(
        'Connect-ZkDevice'
        'Disconnect-ZkDevice'
        'Get-ZkSession'
        'Get-ZkDeviceInfo'
        'Get-ZkDeviceTime'
        'Set-ZkDeviceTime'
        'Disable-ZkDevice'
        'Enable-ZkDevice'
        'Restart-ZkDevice'
        'Get-ZkUser'
        'New-ZkUser'
        'Set-ZkUser'
        'Remove-ZkUser'
        'Get-ZkFingerprint'
        'Get-ZkFaceTemplate'
        'Get-ZkUserPhoto'
        'Set-ZkUserPhoto'
        'Remove-ZkFingerprint'
        'Remove-ZkFaceTemplate'
        'Remove-ZkUserPhoto'
        'Copy-ZkUser'
        'Copy-ZkFingerprint'
        'Copy-ZkFaceTemplate'
        'Copy-ZkUserPhoto'
        'Sync-ZkDevice'
        'Compare-ZkDevice'
        'Export-ZkDevice'
        'Import-ZkDevice'
        'Get-ZkAttendanceLog'
        'Clear-ZkAttendanceLog'
        'Start-ZkEmulator'
        'Stop-ZkEmulator'
        'Test-ZkDevice'
        'Get-ZkSyncHistory'
        'Write-ZkSyncHistory'
        'Export-ZkSyncReport'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('ZKTeco', 'Biometric', 'Attendance', 'Fingerprint', 'Face', 'AccessControl', 'Sync',
                'Backup', 'Emulator', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No ProjectUri/LicenseUri: the repository has no public address yet. The license is MIT: LICENSE ships in
            # the module folder and the package's nuspec says <license type="expression">MIT</license>. Add both URIs,
            # pointing at that repository's README.md and LICENSE, when it is published.
            # build.ps1 -Task Package replaces this line with this version's section of CHANGELOG.md.
            ReleaseNotes = 'See CHANGELOG.md at the root of the ZkSync repository (Keep a Changelog format).'
        }
    }
}
