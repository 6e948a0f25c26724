#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

AfterAll {
    Remove-ZkTestDevice
}

Describe 'User commands' {
    BeforeEach {
        $device = New-ZkTestDevice -Users 5
    }

    It 'reads the seeded users' {
        @(Get-ZkUser -Session $device).Count | Should -Be 5
    }

    It 'creates, changes and removes a user' {
        New-ZkUser -Session $device -UserId 9001 -Name 'Alice' | Select-Object -ExpandProperty Name | Should -Be 'Alice'
        Set-ZkUser -Session $device -UserId 9001 -Name 'Alice Smith'
        (Get-ZkUser -Session $device -UserId 9001).Name | Should -Be 'Alice Smith'
        Get-ZkUser -Session $device -UserId 9001 | Remove-ZkUser -Confirm:$false
        Get-ZkUser -Session $device -UserId 9001 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        $before = @(Get-ZkUser -Session $device).Count
        Get-ZkUser -Session $device | Remove-ZkUser -WhatIf
        @(Get-ZkUser -Session $device).Count | Should -Be $before
    }

    It 'reports unknown users as ZkSync.UserNotFound' {
        Get-ZkUser -Session $device -UserId 'nobody' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ZkSync.UserNotFound*'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'refuses to create a user id that exists' {
        $existing = (Get-ZkUser -Session $device | Select-Object -First 1).UserId
        New-ZkUser -Session $device -UserId $existing -Name 'Dup' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ZkSync.UserExists*'
    }
}
