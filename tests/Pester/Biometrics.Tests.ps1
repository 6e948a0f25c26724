#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

AfterAll {
    Remove-ZkTestDevice
}

Describe 'Fingerprints, faces and photos' {
    BeforeEach {
        $device = New-ZkTestDevice -Profile face -Users 4
    }

    It 'removes piped finger-0 templates from the device they came from' {
        Get-ZkFingerprint -Session $device | Where-Object FingerIndex -EQ 0 | Remove-ZkFingerprint -Confirm:$false
        Get-ZkFingerprint -Session $device | Where-Object FingerIndex -EQ 0 | Should -BeNullOrEmpty
    }

    It 'saves photos as <UserId>.jpg' {
        $photos = Get-ZkUserPhoto -Session $device -OutDirectory $TestDrive
        foreach ($photo in $photos) {
            Join-Path $TestDrive "$($photo.UserId).jpg" | Should -Exist
        }
    }

    It 'reads face templates per user' {
        Get-ZkUser -Session $device | Get-ZkFaceTemplate | ForEach-Object { $_.Algorithm | Should -BeGreaterThan 0 }
    }
}
