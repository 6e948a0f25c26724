#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# The install path a user takes: ./build.ps1 -Task Package, then PSResourceGet from a repository (here a local file
# repository standing in for the PowerShell Gallery), into a module path that holds nothing else, imported by name.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # This pwsh, again: its own executable, or `dotnet pwsh.dll` when it runs as a .NET tool (tools/run-pester.sh).
    $script:Pwsh = @([Environment]::ProcessPath)
    if ([System.IO.Path]::GetFileNameWithoutExtension($script:Pwsh[0]) -eq 'dotnet') {
        $script:Pwsh += Join-Path $PSHOME 'pwsh.dll'
    }

    function Invoke-Pwsh([string] $Command) {
        $arguments = @($script:Pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
        $output = & $script:Pwsh[0] @arguments 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = ($output | ForEach-Object ToString) -join "`n" }
    }

    $script:Version = (Import-PowerShellDataFile $script:ModuleManifest).ModuleVersion
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) ("zksync-package-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $script:Work | Out-Null
    $script:RepositoryName = 'ZkSyncPackageTest' + [guid]::NewGuid().ToString('N').Substring(0, 8)

    # The packaging step as README says, in its own process (it rebuilds and restages out/ZkSync in Release).
    $script:Build = Invoke-Pwsh "& '$(Join-Path $script:RepoRoot 'build.ps1')' -Task Package"
    $script:Nupkg = Join-Path $script:RepoRoot 'out' "ZkSync.$script:Version.nupkg"
}

AfterAll {
    Unregister-PSResourceRepository -Name $script:RepositoryName -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $script:Work -ErrorAction SilentlyContinue
    Remove-ZkTestDevice
}

Describe './build.ps1 -Task Package' {
    It 'writes the .nupkg' {
        $script:Build.ExitCode | Should -Be 0 -Because $script:Build.Text
        $script:Nupkg | Should -Exist
    }

    It 'holds the module, its dependencies, help, symbols and license, and nothing PowerShell itself provides' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Nupkg)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        foreach ($file in 'ZkSync.psd1', 'ZkSync.PowerShell.dll', 'ZkSync.Protocol.dll', 'ZkSync.Sync.dll',
            'ZkSync.Emulator.Core.dll', 'System.Memory.dll', 'System.Text.Json.dll', 'ZkSync.Format.ps1xml',
            'en-US/ZkSync.PowerShell.dll-Help.xml', 'en-US/about_ZkSync.help.txt', 'ZkSync.PowerShell.pdb', 'LICENSE',
            'ZkSync.nuspec') {
            $entries | Should -Contain $file
        }
        $entries | Where-Object { $_ -like 'System.Management.Automation*' } | Should -BeNullOrEmpty
    }

    It 'carries a manifest that passes Test-ModuleManifest with this version''s CHANGELOG section as release notes' {
        $folder = Join-Path $script:Work 'unzipped'
        Expand-Archive -LiteralPath $script:Nupkg -DestinationPath $folder
        $manifest = Test-ModuleManifest -Path (Join-Path $folder 'ZkSync.psd1') -ErrorAction Stop
        $manifest.Version.ToString() | Should -Be $script:Version
        $manifest.Description | Should -Match 'ZKTeco'
        $manifest.Tags | Should -Contain 'ZKTeco'
        # The first line of the CHANGELOG section (Unreleased until a release heading exists) is in the notes.
        $changelog = Get-Content (Join-Path $script:RepoRoot 'CHANGELOG.md')
        $headingLine = $changelog | Where-Object { $_ -like "## ``[$script:Version``]*" -or $_ -eq '## [Unreleased]' } |
            Select-Object -First 1
        $heading = [array]::IndexOf($changelog, $headingLine)
        $firstLine = $changelog[($heading + 1)..($changelog.Count - 1)] | Where-Object { $_.Trim() } |
            Select-Object -First 1
        $manifest.ReleaseNotes | Should -Match ([regex]::Escape($firstLine))
        $manifest.ReleaseNotes | Should -Not -Match '## \['
        $nuspec = [xml](Get-Content -Raw (Join-Path $folder 'ZkSync.nuspec'))
        $nuspec.package.metadata.license.InnerText | Should -Be 'MIT'
        $nuspec.package.metadata.tags | Should -Match 'PSCmdlet_Sync-ZkDevice'
        $nuspec.package.metadata.releaseNotes | Should -Be $manifest.ReleaseNotes
    }
}

Describe 'Publish-PSResource, Save-PSResource, Import-Module ZkSync' {
    It 'publishes to a file repository, installs into a clean module path, imports by name and reads an emulator' {
        $repository = Join-Path $script:Work 'repository'
        $modules = Join-Path $script:Work 'modules'
        New-Item -ItemType Directory -Path $repository, $modules | Out-Null
        Register-PSResourceRepository -Name $script:RepositoryName -Uri $repository -Trusted
        Publish-PSResource -NupkgPath $script:Nupkg -Repository $script:RepositoryName -ErrorAction Stop
        $found = Find-PSResource -Name ZkSync -Repository $script:RepositoryName
        $found.Version.ToString() | Should -Be $script:Version

        Save-PSResource -Name ZkSync -Repository $script:RepositoryName -Path $modules -TrustRepository `
            -ErrorAction Stop
        Join-Path $modules "ZkSync/$script:Version/ZkSync.psd1" | Should -Exist

        # A new process whose module path is the clean folder and PowerShell's own modules, nothing from here.
        $run = Invoke-Pwsh @"
`$ErrorActionPreference = 'Stop'
`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + (Join-Path `$PSHOME 'Modules')
Import-Module ZkSync
'base=' + (Get-Module ZkSync).ModuleBase
`$session = Start-ZkEmulator -Profile face -Users 7 | Connect-ZkDevice -Timeout 3
'users=' + @(Get-ZkUser -Session `$session).Count
'serial=' + (Get-ZkDeviceInfo -Session `$session).SerialNumber
Get-ZkSession | Disconnect-ZkDevice
Stop-ZkEmulator -All
"@
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Text | Should -Match ("base=" + [regex]::Escape((Join-Path $modules "ZkSync/$script:Version")))
        $run.Text | Should -Match 'users=7'
        $run.Text | Should -Match 'serial=\S+'
    }
}
