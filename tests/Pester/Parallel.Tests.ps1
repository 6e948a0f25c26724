#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $module = (Get-Module ZkSync).Path
}

AfterAll {
    Remove-ZkTestDevice
}

Describe 'Sessions outside the runspace that connected them (about_ZkSyncSessions)' {
    BeforeEach {
        $first = New-ZkTestDevice -Users 3
        $second = New-ZkTestDevice -Users 5
    }

    AfterEach {
        Remove-ZkTestDevice
    }

    It 'works in ForEach-Object -Parallel when the session is passed in and the module imported inside' {
        $counts = $first, $second | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            @(Get-ZkUser -Session $_).Count
        }
        ($counts | Sort-Object) | Should -Be @(3, 5)
    }

    It 'backs up every device in parallel as Export-ZkDevice Example 3 does' {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("zksync-parallel-" + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        try {
            $first, $second | ForEach-Object -ThrottleLimit 2 -Parallel {
                Import-Module $using:module
                $null = Export-ZkDevice -Session $_ -Path (Join-Path $using:folder "$($_.Port).zksync")
            }
            (Get-ChildItem $folder -Filter *.zksync).Count | Should -Be 2
            Compare-ZkDevice -ReferencePath (Join-Path $folder "$($second.Port).zksync") -Difference $second |
                Where-Object Status -ne 'Equal' | Should -BeNullOrEmpty
        }
        finally {
            Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'works in Start-ThreadJob the same way' {
        $job = Start-ThreadJob -ArgumentList $module, $second {
            param($module, $session)
            Import-Module $module
            @(Get-ZkUser -Session $session).Count
        }
        $job | Receive-Job -Wait -AutoRemoveJob | Should -Be 5
    }

    It 'works in Start-Job when the job connects itself' {
        $job = Start-Job -ArgumentList $module, $second.Port {
            param($module, $port)
            Import-Module $module
            $session = Connect-ZkDevice -IPAddress 127.0.0.1 -Port $port -Timeout 3
            try { @(Get-ZkUser -Session $session).Count } finally { Disconnect-ZkDevice -Session $session }
        }
        $job | Wait-Job -Timeout 60 | Receive-Job -AutoRemoveJob -Wait | Should -Be 5
    }
}
