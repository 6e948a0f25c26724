#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    # Everything a device stores, as text, to prove that a command changed nothing: every user field the module
    # shows (privilege and enabled included), template and photo bytes (as SHA-256), and each face record.
    function Get-ZkTestState {
        param($Session)
        $sha = [System.Security.Cryptography.SHA256]::Create()
        $hash = { param([byte[]] $bytes) [Convert]::ToBase64String($sha.ComputeHash($bytes)) }
        @(Get-ZkUser -Session $Session | ForEach-Object {
            "$($_.UserId)/$($_.Name)/$($_.Card)/$($_.Privilege)/$($_.Enabled)/$($_.Group)/$($_.HasPassword)" }) +
        @(Get-ZkFingerprint -Session $Session | ForEach-Object {
            "$($_.UserId)/$($_.FingerIndex)/$($_.Flag)/$(& $hash $_.Template)" }) +
        @(Get-ZkFaceTemplate -Session $Session | ForEach-Object {
            "$($_.UserId)/$($_.FaceId)/$($_.Size)/$($_.Valid)/$($_.IsLearned)" }) +
        @(Get-ZkUserPhoto -Session $Session | ForEach-Object { "$($_.UserId)/photo/$(& $hash $_.Content)" }) -join '|'
    }
}

AfterAll {
    Remove-ZkTestDevice
}

Describe 'Sync-ZkDevice' {
    AfterEach {
        Remove-ZkTestDevice
    }

    It 'adds every user to an empty device, compares Equal, and writes nothing the second time' {
        $source = New-ZkTestDevice -Profile face -Users 30
        $destination = Start-ZkEmulator -Profile tft -FaceVersion 7 | Connect-ZkDevice -Timeout 3

        $first = Sync-ZkDevice -Source $source -Destination $destination -InformationVariable firstInfo
        $items = $first | Where-Object { $_ -is [ZkSync.PowerShell.ZkSyncResult] }
        $items.Count | Should -Be 30
        $first.Count | Should -Be 30 # one output type: the summary went to the information stream
        $items.Action | Sort-Object -Unique | Should -Be 'Added'
        $items.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        ($firstInfo | Where-Object Tags -contains 'ZkSync.Summary').MessageData.Added | Should -Be 30

        (Compare-ZkDevice -Reference $source -Difference $destination).Status | Sort-Object -Unique | Should -Be 'Equal'

        (Sync-ZkDevice -Source $source -Destination $destination -Summary).BytesUploaded | Should -Be 0
        (Sync-ZkDevice -Source $source -Destination $destination).Action | Sort-Object -Unique | Should -Be 'Unchanged'
    }

    It 'removes destination-only users with -Mirror -Force, and keeps them with -WhatIf' {
        $source = New-ZkTestDevice -Users 3
        $destination = New-ZkTestDevice
        $null = Sync-ZkDevice -Source $source -Destination $destination
        $null = New-ZkUser -Session $destination -UserId 777 -Name 'Extra'

        $plan = Sync-ZkDevice -Source $source -Destination $destination -Mirror -WhatIf | Where-Object UserId -eq '777'
        $plan.Action | Should -Be 'Removed'
        $plan.WhatIf | Should -BeTrue
        Get-ZkUser -Session $destination -UserId 777 | Should -Not -BeNullOrEmpty

        $removed = Sync-ZkDevice -Source $source -Destination $destination -Mirror -Force |
            Where-Object UserId -eq '777'
        $removed.Action | Should -Be 'Removed'
        @(Get-ZkUser -Session $destination).Count | Should -Be 3
    }

    It 'changes nothing on any device with -WhatIf' {
        $source = New-ZkTestDevice -Profile face -Users 4
        $destination = Start-ZkEmulator -Profile face -Users 2 -Seed 9 | Connect-ZkDevice -Timeout 3
        $before = Get-ZkTestState $destination
        $plan = Sync-ZkDevice -Source $source -Destination $destination -Mirror -WhatIf
        Get-ZkTestState $destination | Should -Be $before
        ($plan | Where-Object { $_ -is [ZkSync.PowerShell.ZkSyncResult] }).WhatIf | Sort-Object -Unique | Should -BeTrue
    }

    It 'fails non-numeric ids on a black-and-white device and truncates names with -AllowTruncation' {
        $source = New-ZkTestDevice -Users 2
        $bw = New-ZkTestDevice -Profile bw
        $null = New-ZkUser -Session $source -UserId 'A17' -Name 'Alexandria'
        $results = Sync-ZkDevice -Source $source -Destination $bw -AllowTruncation |
            Where-Object { $_ -is [ZkSync.PowerShell.ZkSyncResult] }
        $refused = $results | Where-Object UserId -eq 'A17'
        $refused.Status | Should -Be 'Failed'
        $refused.Notes | Should -Match 'numeric'
        ($results | Where-Object Notes -match 'stored as') | Should -Not -BeNullOrEmpty
    }

    It 'skips fingerprints between different fingerprint algorithms' {
        $source = New-ZkTestDevice -Users 2
        $old = Start-ZkEmulator -FingerprintVersion 9 | Connect-ZkDevice -Timeout 3
        $results = Sync-ZkDevice -Source $source -Destination $old -WarningAction SilentlyContinue |
            Where-Object { $_ -is [ZkSync.PowerShell.ZkSyncResult] }
        $results.Fingerprints | Sort-Object -Unique | Should -Be 'Skipped'
        $results[0].Notes | Should -Match 'algorithm'
    }

    It 'fails a destination that is too small before writing anything' {
        $source = New-ZkTestDevice -Users 6
        $small = Start-ZkEmulator -UserCapacity 4 | Connect-ZkDevice -Timeout 3
        $summary = Sync-ZkDevice -Source $source -Destination $small -Summary -ErrorVariable failures `
            -ErrorAction SilentlyContinue
        $summary.Error | Should -Match 'only 4 fit'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ZkSync.SyncDestinationFailed*'
        Get-ZkUser -Session $small | Should -BeNullOrEmpty
    }

    It 'goes on with the other destinations when one is unreachable' {
        $source = New-ZkTestDevice -Profile face -Users 3
        $b = New-ZkTestDevice
        $c = New-ZkTestDevice -Profile face
        $deadEmulator = Start-ZkEmulator
        $dead = $deadEmulator | Connect-ZkDevice -Timeout 3
        $deadEmulator | Stop-ZkEmulator

        $summaries = Sync-ZkDevice -Source $source -Destination $b, $dead, $c -Summary -ErrorVariable failures `
            -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ZkSync.SyncDestinationFailed*'
        ($summaries | Where-Object Destination -eq $dead.Device).Error | Should -Not -BeNullOrEmpty
        ($summaries | Where-Object Destination -ne $dead.Device).Succeeded | Should -Be @($true, $true)
        @(Get-ZkUser -Session $c).Count | Should -Be 3
    }

    It 'limits the sync to piped users' {
        $source = New-ZkTestDevice -Users 8
        $destination = New-ZkTestDevice
        $chosen = Get-ZkUser -Session $source | Where-Object UserId -like '100*'
        $null = Get-ZkUser -Session $source | Where-Object UserId -like '100*' |
            Sync-ZkDevice -Source $source -Destination $destination
        (Get-ZkUser -Session $destination).UserId | Should -Be $chosen.UserId
    }
}

Describe 'Export-ZkDevice, Import-ZkDevice and Start-ZkEmulator -FromBackup' {
    BeforeAll {
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("zksync-pester-" + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        $password = ConvertTo-SecureString 'S3cret!' -AsPlainText -Force
    }

    AfterAll {
        Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
    }

    AfterEach {
        Remove-ZkTestDevice
    }

    It 'restores plain and encrypted backups into empty devices that compare Equal' {
        $source = New-ZkTestDevice -Profile face -Users 4
        $plain = Export-ZkDevice -Session $source -Path (Join-Path $folder 'plain.zksync') -Force
        $secret = Export-ZkDevice -Session $source -Path (Join-Path $folder 'secret.zksync') -Password $password -Force
        $plain.Encrypted | Should -BeFalse
        $secret.Encrypted | Should -BeTrue
        $plain.Users | Should -Be 4

        $b = New-ZkTestDevice -Profile face
        $c = New-ZkTestDevice -Profile face
        $null = Import-ZkDevice -Path $plain.Path -Destination $b
        $null = Import-ZkDevice -Path $secret.Path -Destination $c -Password $password
        (Compare-ZkDevice -Reference $source -Difference $b).Status | Sort-Object -Unique | Should -Be 'Equal'
        (Compare-ZkDevice -Reference $source -Difference $c).Status | Sort-Object -Unique | Should -Be 'Equal'
    }

    It 'refuses a wrong password with ZkSync.BackupPasswordInvalid' {
        $source = New-ZkTestDevice -Users 2
        $backup = Export-ZkDevice -Session $source -Path (Join-Path $folder 'locked.zksync') -Password $password -Force
        $wrong = ConvertTo-SecureString 'wrong' -AsPlainText -Force
        { Import-ZkDevice -Path $backup.Path -Destination (New-ZkTestDevice) -Password $wrong } |
            Should -Throw -ErrorId 'ZkSync.BackupPasswordInvalid*'
    }

    It 'encrypts the -BackupPath backups of a sync with -BackupPathPassword' {
        $source = New-ZkTestDevice -Users 3
        $destination = New-ZkTestDevice
        $null = New-ZkUser -Session $destination -UserId 42 -Name 'Before'
        $summary = Sync-ZkDevice -Source $source -Destination $destination -BackupPath (Join-Path $folder 'syncs') `
            -BackupPathPassword $password -Summary
        { Compare-ZkDevice -ReferencePath $summary.BackupPath -Difference $destination } |
            Should -Throw -ErrorId 'ZkSync.BackupPasswordInvalid*'
        $before = Compare-ZkDevice -ReferencePath $summary.BackupPath -Password $password -Difference $destination
        ($before | Where-Object UserId -eq '42').Status | Should -Be 'Equal'
        @($before | Where-Object Status -eq 'DifferenceOnly').Count | Should -Be 3
    }

    It 'refuses -BackupPathPassword (or its alias -BackupPassword) without -BackupPath before touching a device' {
        $source = New-ZkTestDevice -Users 2
        $destination = New-ZkTestDevice
        { Sync-ZkDevice -Source $source -Destination $destination -BackupPassword $password } |
            Should -Throw -ErrorId 'ZkSync.InvalidArgument*'
        @(Get-ZkUser -Session $destination).Count | Should -Be 0
    }

    It 'starts an emulator that is a copy of the backed-up device' {
        $source = New-ZkTestDevice -Profile face -Users 5
        $backup = Export-ZkDevice -Session $source -Path (Join-Path $folder 'rehearsal.zksync') -Force
        $copy = Start-ZkEmulator -FromBackup $backup.Path | Connect-ZkDevice -Timeout 3
        $copy.SerialNumber | Should -Be $source.SerialNumber
        (Compare-ZkDevice -Reference $source -Difference $copy).Status | Sort-Object -Unique | Should -Be 'Equal'
    }
}
