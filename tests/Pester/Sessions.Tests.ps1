#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

AfterAll {
    Remove-ZkTestDevice
}

Describe 'Connect-ZkDevice' {
    It 'connects to an emulator piped from Start-ZkEmulator' {
        $session = Start-ZkEmulator -Users 3 | Connect-ZkDevice
        $session.State | Should -Be 'Open'
        $session.Device | Should -Match '^127\.0\.0\.1:\d+$'
        Get-ZkSession -Current | Should -Be $session
    }

    It 'authenticates with the comm key the admin passes' {
        $emulator = Start-ZkEmulator -CommKey 4321
        ($emulator | Connect-ZkDevice -CommKey 4321).State | Should -Be 'Open'
    }

    It 'reports a wrong comm key as ZkSync.AuthenticationFailed' {
        $emulator = Start-ZkEmulator -CommKey 4321
        $emulator | Connect-ZkDevice -CommKey 1 -ErrorVariable failure -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ZkSync.AuthenticationFailed*'
        $failure[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'reports a closed port as ZkSync.ConnectFailed and goes on with the next device' {
        $good = Start-ZkEmulator
        $stopped = Start-ZkEmulator
        $closedPort = $stopped.Port
        $stopped | Stop-ZkEmulator
        $devices = @(
            [pscustomobject]@{ IPAddress = '127.0.0.1'; Port = $closedPort; Protocol = 'Tcp' }
            [pscustomobject]@{ IPAddress = $good.IPAddress; Port = $good.Port; Protocol = 'Tcp' }
        )
        $sessions = $devices | Connect-ZkDevice -Timeout 1 -ErrorVariable failure -ErrorAction SilentlyContinue
        @($sessions).Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ZkSync.ConnectFailed*'
    }

    It 'never shows the comm key' {
        $session = Start-ZkEmulator -CommKey 777 | Connect-ZkDevice -CommKey 777
        ($session | Format-List * | Out-String) | Should -Not -Match '777'
    }
}

Describe 'Disconnect-ZkDevice' {
    It 'closes sessions piped from Get-ZkSession' {
        $null = Start-ZkEmulator | Connect-ZkDevice
        Get-ZkSession | Disconnect-ZkDevice
        Get-ZkSession | Should -BeNullOrEmpty
    }
}
