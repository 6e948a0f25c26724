#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages the ZkSync module.

.DESCRIPTION
    Build   : dotnet build of src/ZkSync.PowerShell, which stages the module exactly as users get it in out/ZkSync
              (manifest, DLLs with their runtime dependencies, format file, en-US help generated from docs/en-US).
    Test    : Build, then the xUnit suite that hosts PowerShell in-process (tests/ZkSync.PowerShell.Tests), then the
              Pester 5 suite (tests/Pester) when Pester 5 is installed.
    Package : Build (Release by default), then out/ZkSync.<version>.nupkg (for Publish-PSResource / the PowerShell
              Gallery) and out/ZkSync.<version>.zip. The packaged manifest's ReleaseNotes are this version's section of
              CHANGELOG.md ("Unreleased" until it is released), and the manifest must pass Test-ModuleManifest.
    Clean   : removes out/ and the build output of the module and its tests.

.EXAMPLE
    ./build.ps1 -Task Test

.EXAMPLE
    ./build.ps1 -Task Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$ModuleProject = Join-Path $Root 'src/ZkSync.PowerShell/ZkSync.PowerShell.csproj'
$TestProject = Join-Path $Root 'tests/ZkSync.PowerShell.Tests/ZkSync.PowerShell.Tests.csproj'
$PesterTests = Join-Path $Root 'tests/Pester'
$OutDir = Join-Path $Root 'out'
$ModuleDir = Join-Path $OutDir 'ZkSync'

function Invoke-DotNet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-DotNet build $ModuleProject -c $Configuration --nologo
    if (-not (Test-Path (Join-Path $ModuleDir 'ZkSync.psd1'))) {
        throw "The build did not stage the module in $ModuleDir."
    }
    Write-Host "Module staged in $ModuleDir" -ForegroundColor Green
}

function Get-PowerShellExecutable {
    # The running edition, so Pester tests the module under the same PowerShell (5.1 or 7) as the build runs in.
    if ($PSVersionTable.PSEdition -eq 'Desktop') { return (Join-Path $PSHOME 'powershell.exe') }
    $candidates = @((Join-Path $PSHOME 'pwsh.exe'), (Join-Path $PSHOME 'pwsh'))
    $found = $candidates | Where-Object { Test-Path $_ -PathType Leaf } | Select-Object -First 1
    if ($found) { return $found }
    # pwsh installed as a .NET tool runs from a shim outside $PSHOME.
    return (Get-Command pwsh -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
}

function Invoke-Test {
    Invoke-Build
    Invoke-DotNet test $TestProject -c $Configuration --nologo

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -GE ([version]'5.0') |
        Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning ('Pester 5 is not installed; skipping tests/Pester ' +
            '(Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser).')
        return
    }

    # Pester runs in a child process so the module it imports never locks files of this session.
    $script = "Import-Module '$($pester.Path)'; " +
        "`$c = New-PesterConfiguration; `$c.Run.Path = '$PesterTests'; `$c.Run.PassThru = `$true; " +
        "`$c.TestResult.Enabled = `$true; `$c.TestResult.OutputPath = '$(Join-Path $OutDir 'pester-results.xml')'; " +
        "`$r = Invoke-Pester -Configuration `$c; exit `$r.FailedCount"
    & (Get-PowerShellExecutable) -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "Pester reported $LASTEXITCODE failed test(s)." }
}

function New-NuSpec {
    param([hashtable] $Manifest, [string] $Version)
    $psData = $Manifest.PrivateData.PSData
    $commandTags = $Manifest.CmdletsToExport | ForEach-Object { "PSCmdlet_$_"; "PSCommand_$_" }
    $tags = @($psData.Tags) + 'PSModule' + $commandTags
    $escape = { param($text) [System.Security.SecurityElement]::Escape([string] $text) }
    @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>ZkSync</id>
    <version>$Version</version>
    <authors>$(& $escape $Manifest.Author)</authors>
    <owners>$(& $escape $Manifest.CompanyName)</owners>
    <requireLicenseAcceptance>false</requireLicenseAcceptance>
    <license type="expression">MIT</license>
    <description>$(& $escape $Manifest.Description)</description>
    <releaseNotes>$(& $escape $psData.ReleaseNotes)</releaseNotes>
    <copyright>$(& $escape $Manifest.Copyright)</copyright>
    <tags>$(& $escape ($tags -join ' '))</tags>
  </metadata>
</package>
"@
}

function Get-ReleaseNotes {
    # This version's section of CHANGELOG.md (Keep a Changelog), else "Unreleased", without its heading.
    param([string] $Version)
    $lines = Get-Content -LiteralPath (Join-Path $Root 'CHANGELOG.md')
    foreach ($heading in "## [$Version]", '## [Unreleased]') {
        $start = [array]::FindIndex($lines, [Predicate[string]] { param($l) $l.StartsWith($heading) })
        if ($start -lt 0) { continue }
        $section = $lines[($start + 1)..($lines.Count - 1)]
        $end = [array]::FindIndex($section, [Predicate[string]] { param($l) $l.StartsWith('## ') })
        if ($end -ge 0) { $section = $section[0..($end - 1)] }
        return ($section -join "`n").Trim()
    }
    throw "CHANGELOG.md has neither a '## [$Version]' nor a '## [Unreleased]' section."
}

function New-PackageFolder {
    # A copy of out/ZkSync whose manifest carries the release notes; the repository manifest keeps a pointer instead.
    param([string] $Version)
    $folder = Join-Path $OutDir 'package/ZkSync'
    if (Test-Path $folder) { Remove-Item $folder -Recurse -Force }
    New-Item -ItemType Directory -Path $folder -Force | Out-Null
    Copy-Item -Path (Join-Path $ModuleDir '*') -Destination $folder -Recurse
    $manifestPath = Join-Path $folder 'ZkSync.psd1'
    $notes = (Get-ReleaseNotes -Version $Version).Replace("'", "''")
    $text = [System.IO.File]::ReadAllText($manifestPath)
    $pattern = "(?m)^(\s*ReleaseNotes\s*=\s*)'[^']*'"
    if ($text -notmatch $pattern) { throw "$manifestPath has no single-line ReleaseNotes = '...' to fill." }
    $text = [regex]::Replace($text, $pattern, { param($m) $m.Groups[1].Value + "'" + $notes + "'" })
    [System.IO.File]::WriteAllText($manifestPath, $text, (New-Object System.Text.UTF8Encoding($false)))
    Test-ModuleManifest -Path $manifestPath -ErrorAction Stop | Out-Null
    return $folder
}

function New-ModulePackage {
    # Written here rather than by Compress-PSResource so Windows PowerShell 5.1 and PowerShell 7 build the same package
    # with a license expression (no public license URL exists) and PSCmdlet_ tags for Find-PSResource -CommandName.
    param([string] $Folder, [string] $Version)
    $nupkg = Join-Path $OutDir "ZkSync.$Version.nupkg"
    if (Test-Path $nupkg) { Remove-Item $nupkg }
    Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
    $manifest = Import-PowerShellDataFile (Join-Path $Folder 'ZkSync.psd1')
    $zip = [System.IO.Compression.ZipFile]::Open($nupkg, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        $add = {
            param($name, $text)
            $entry = $zip.CreateEntry($name)
            $writer = New-Object System.IO.StreamWriter($entry.Open(), (New-Object System.Text.UTF8Encoding($false)))
            try { $writer.Write($text) } finally { $writer.Dispose() }
        }
        & $add 'ZkSync.nuspec' (New-NuSpec -Manifest $manifest -Version $Version)
        $octetTypes = 'nuspec', 'dll', 'pdb', 'psd1', 'ps1xml', 'xml', 'txt', '' |
            ForEach-Object { '<Default Extension="{0}" ContentType="application/octet" />' -f $_ }
        & $add '[Content_Types].xml' ('<?xml version="1.0" encoding="utf-8"?>' +
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />' +
            ($octetTypes -join '') + '</Types>')
        & $add '_rels/.rels' ('<?xml version="1.0" encoding="utf-8"?>' +
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/ZkSync.nuspec"' +
            ' Id="R1" /></Relationships>')
        foreach ($file in Get-ChildItem $Folder -Recurse -File) {
            $relative = $file.FullName.Substring($Folder.Length).TrimStart('\', '/').Replace('\', '/')
            [void][System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $file.FullName, $relative)
        }
    }
    finally { $zip.Dispose() }
}

function Invoke-Package {
    Invoke-Build
    $version = (Import-PowerShellDataFile (Join-Path $ModuleDir 'ZkSync.psd1')).ModuleVersion
    $folder = New-PackageFolder -Version $version
    $zipPath = Join-Path $OutDir "ZkSync.$version.zip"
    if (Test-Path $zipPath) { Remove-Item $zipPath }
    Compress-Archive -Path $folder -DestinationPath $zipPath
    New-ModulePackage -Folder $folder -Version $version
    Get-ChildItem $OutDir -File -Filter "ZkSync.$version.*" |
        ForEach-Object { Write-Host "Packaged $($_.FullName)" -ForegroundColor Green }
}

function Invoke-Clean {
    if (Test-Path $OutDir) { Remove-Item $OutDir -Recurse -Force }
    Invoke-DotNet clean $ModuleProject -c $Configuration --nologo
    Invoke-DotNet clean $TestProject -c $Configuration --nologo
}

if ($Task -eq 'Package' -and -not $PSBoundParameters.ContainsKey('Configuration')) { $Configuration = 'Release' }
switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
