#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    # Lines of the default view as an 80-column console prints it.
    function Get-PrintedLine($InputObject) {
        ($InputObject | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() }
    }
}

AfterAll {
    Remove-ZkTestDevice
}

Describe 'Default views at 80 columns' {
    BeforeEach {
        $face = New-ZkTestDevice -Profile face -Users 2
        $bw = New-ZkTestDevice -Profile bw
        $null = New-ZkUser -Session $face -UserId 77 -Name 'Abcdefghijklmnopqrst'
    }

    AfterEach {
        Remove-ZkTestDevice
    }

    It 'prints <Name> within 80 columns with whole headers' -ForEach @(
        @{ Name = 'Get-ZkSession'; Script = { Get-ZkSession } }
        @{ Name = 'Copy-ZkUser results'; Script = { Copy-ZkUser -Source $face -Destination $bw -UserId 77 } }
        @{ Name = 'Get-ZkDeviceInfo'; Script = { Get-ZkDeviceInfo -Session $face } }
        @{
            Name   = 'Sync-ZkDevice -Summary'
            Script = { Sync-ZkDevice -Source $face -Destination $bw -Summary -AllowTruncation }
        }
        @{ Name = 'Get-ZkUser'; Script = { Get-ZkUser -Session $face } }
    ) {
        $lines = Get-PrintedLine (& $Script)
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
        # A header squeezed to one letter per line leaves lines of one or two characters.
        @($lines | Where-Object { $_.Trim().Length -le 2 -and $_.Trim() -notmatch '^\d+$' }).Count | Should -Be 0
    }

    It 'shows Capabilities and Counts as text' {
        $text = Get-ZkDeviceInfo -Session $face | Format-List Capabilities, Counts | Out-String
        $text | Should -Not -Match 'ZkSync\.Protocol\.Model'
        $text | Should -Match '72-byte users'
        $text | Should -Match 'users 3/'
    }

    It 'shows when each session last heard from its device' {
        (Get-ZkSession | Out-String -Width 80) | Should -Match 'LastContact'
    }
}
