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

    # Each test first asserts that what it loops over is not empty: a check over nothing passes with nothing checked.
    It 'removes the piped templates of one finger from the device they came from' {
        $before = @(Get-ZkFingerprint -Session $device)
        $before | Should -Not -BeNullOrEmpty
        $finger = $before[0].FingerIndex
        $chosen = @($before | Where-Object FingerIndex -EQ $finger)
        $chosen | Remove-ZkFingerprint -Confirm:$false
        $after = @(Get-ZkFingerprint -Session $device)
        $after | Where-Object FingerIndex -EQ $finger | Should -BeNullOrEmpty
        $after.Count | Should -Be ($before.Count - $chosen.Count)
    }

    It 'saves photos as <UserId>.jpg' {
        # Every seeded user of the face profile has a photo.
        $photos = @(Get-ZkUserPhoto -Session $device -OutDirectory $TestDrive)
        $photos.Count | Should -Be 4
        foreach ($photo in $photos) {
            Join-Path $TestDrive "$($photo.UserId).jpg" | Should -Exist
        }
    }

    It 'reads face templates per user' {
        $faces = @(Get-ZkUser -Session $device | Get-ZkFaceTemplate)
        $faces | Should -Not -BeNullOrEmpty
        @($faces.UserId | Sort-Object -Unique).Count | Should -Be 4
        foreach ($face in $faces) { $face.Algorithm | Should -BeGreaterThan 0 }
    }
}
