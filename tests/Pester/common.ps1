# Shared by every *.Tests.ps1: imports the STAGED module (out/ZkSync, built by `dotnet build` or ./build.ps1),
# never the sources, so the tests see exactly what users install.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).Path
$script:ModuleManifest = Join-Path $script:RepoRoot 'out' 'ZkSync' 'ZkSync.psd1'
if (-not (Test-Path $script:ModuleManifest)) {
    throw "Staged module not found at $script:ModuleManifest. Run ./build.ps1 -Task Build first."
}
Import-Module $script:ModuleManifest -Force -ErrorAction Stop

# A connected emulator pair; each test file starts its own and stops them in AfterAll.
function New-ZkTestDevice {
    param([string] $Profile = 'tft', [int] $Users = 0, [int] $CommKey = 0)
    Start-ZkEmulator -Profile $Profile -Users $Users -CommKey $CommKey | Connect-ZkDevice -CommKey $CommKey -Timeout 3
}

function Remove-ZkTestDevice {
    Get-ZkSession | Disconnect-ZkDevice
    Stop-ZkEmulator -All
}
