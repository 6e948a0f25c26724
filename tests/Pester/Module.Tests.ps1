#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:Commands = Get-Command -Module ZkSync | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'ZkSync module' {
    It 'has a valid manifest' {
        { Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets listed in the manifest' {
        $listed = (Import-PowerShellDataFile $ModuleManifest).CmdletsToExport | Sort-Object
        $exported = (Get-Command -Module ZkSync).Name | Sort-Object
        $listed | Should -Not -BeNullOrEmpty `
            -Because 'two empty lists are equal, and the per-cmdlet help tests below would not run'
        $exported | Should -Be $listed
    }

    It 'ships no System.Management.Automation' {
        Get-ChildItem (Split-Path $ModuleManifest) -Filter 'System.Management.Automation*' | Should -BeNullOrEmpty
    }

    It 'uses only approved verbs' {
        Get-Command -Module ZkSync | Where-Object Verb -NotIn (Get-Verb).Verb | Should -BeNullOrEmpty
    }

    It 'has format views for copy, sync and compare results, backups and users' {
        $types = 'ZkCopyResult', 'ZkSyncResult', 'ZkSyncSummary', 'ZkCompareResult', 'ZkBackupInfo', 'ZkUserInfo'
        foreach ($type in $types) {
            Get-FormatData -TypeName "ZkSync.PowerShell.$type" | Should -Not -BeNullOrEmpty
        }
    }
}

Describe '<Name> help' -ForEach $Commands {
    BeforeAll {
        $help = Get-Help $Name -Full
    }

    It 'has a synopsis' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match 'CommonParameters'
    }

    It 'has at least two examples' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters +
            [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
            ($help.parameters.parameter | Where-Object name -EQ $parameter).description.Text |
                Should -Not -BeNullOrEmpty -Because "-$parameter needs help"
        }
    }
}

Describe 'Without a session' {
    It 'stops with ZkSync.NoSession' {
        $ps = [powershell]::Create()
        try {
            # A fresh runspace has no session; the error must be terminating (catchable), not a silent empty result.
            $null = $ps.AddScript(
                "Import-Module '$ModuleManifest'; try { Get-ZkUser } catch { `$_.FullyQualifiedErrorId }")
            $ps.Invoke() | Should -BeLike 'ZkSync.NoSession*'
        }
        finally { $ps.Dispose() }
    }
}
