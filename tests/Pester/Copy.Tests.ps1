#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

AfterAll {
    Remove-ZkTestDevice
}

Describe 'Copy-ZkUser' {
    BeforeEach {
        $source = New-ZkTestDevice -Profile face -Users 6
        $destination = New-ZkTestDevice -Profile face
    }

    It 'copies piped users and reports one result per user' {
        $results = Get-ZkUser -Session $source | Copy-ZkUser -Destination $destination
        @($results).Count | Should -Be 6
        $results.Status | Sort-Object -Unique | Should -Be 'Copied'
        @(Get-ZkUser -Session $destination).Count | Should -Be 6
    }

    It 'reports Skipped when run again' {
        $null = Copy-ZkUser -Source $source -Destination $destination
        (Copy-ZkUser -Source $source -Destination $destination).Status | Sort-Object -Unique | Should -Be 'Skipped'
    }

    It 'copies nothing and reports nothing with -WhatIf' {
        Copy-ZkUser -Source $source -Destination $destination -WhatIf | Should -BeNullOrEmpty
        Get-ZkUser -Session $destination | Should -BeNullOrEmpty
    }

    It 'refuses face templates for a device without faces' {
        $plain = New-ZkTestDevice -Profile tft
        $null = Copy-ZkUser -Source $source -Destination $plain -Include Users
        $results = Copy-ZkFaceTemplate -Source $source -Destination $plain -WarningAction SilentlyContinue
        $results.Status | Sort-Object -Unique | Should -Be 'Skipped'
        $results[0].Notes | Should -Match 'face'
    }
}
