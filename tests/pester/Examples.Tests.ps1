BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox
    Reset-Sandbox
    Connect-Sandbox
    $script:Csv = Join-Path $PSScriptRoot '../../examples/leads.csv'
}

AfterAll { Stop-TestSandbox }

Describe 'examples/leads.csv through Add-SpLead' {
    It 'adds the good rows and accounts for every bad one' {
        $summary = Import-Csv $script:Csv | Add-SpLead -CampaignId camp_xyz789 -ErrorVariable bad -ErrorAction SilentlyContinue
        $summary.Submitted | Should -Be 20
        $summary.Added | Should -Be 15
        $summary.DuplicatesSkipped | Should -Be 1
        $summary.Invalid | Should -Be 4
        @($bad).Count | Should -Be 4
        $bad.TargetObject.'Last Name' | Should -Contain 'Berg'
        @(Get-SandboxRequest -Method POST -Path '/leads').Count | Should -Be 1
    }

    It 'exports the rejected rows with -ErrorVariable to a CSV that matches the source rows byte for byte' {
        Reset-Sandbox
        $null = Import-Csv $script:Csv | Add-SpLead -CampaignId camp_xyz789 -ErrorVariable rejected -ErrorAction SilentlyContinue
        $out = Join-Path $TestDrive 'rejected.csv'
        $rejected.TargetObject | Export-Csv -Path $out -UseQuotes AsNeeded

        $source = Get-Content $script:Csv
        $expected = @($source[0]) + @($source | Select-Object -Skip 1 | Where-Object { $_ -match '^(,|https://www\.linkedin\.com/(sales|in/ACoAA)|https://example\.com)' })
        Get-Content $out | Should -Be $expected
        $expected.Count | Should -Be 5
    }

    It 'is safe to run again: the second upload adds nothing' {
        $summary = Import-Csv $script:Csv | Add-SpLead -CampaignId camp_xyz789 -ErrorAction SilentlyContinue
        $summary.Added | Should -Be 0
        $summary.DuplicatesSkipped | Should -Be 16
    }
}
