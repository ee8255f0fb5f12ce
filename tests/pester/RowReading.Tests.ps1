# Add-SpLead reads Import-Csv rows from their own note properties (the fast way). What it sends must be exactly what
# reading the rows' properties gives, whatever else they carry: members added later, type data, an earlier display.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox
    Connect-Sandbox

    $script:Csv = Join-Path $TestDrive 'rows.csv'
    Set-Content -Path $Csv -Value @(
        'linkedinUrl,First Name,company,score,notes'
        'https://www.linkedin.com/in/Row-One,Ann,Acme,85,'
        'https://www.linkedin.com/in/row-one,Bo,Beta,70,x'
        'https://www.linkedin.com/in/row_two-3,Cy,Gamma,,note'
    )

    # The leads of every POST /leads since the last reset, as ordered name=value text.
    function Get-SentLead {
        foreach ($request in Get-SandboxRequest -Method POST -Path '/leads') {
            foreach ($lead in ($request.body | ConvertFrom-Json).leads) {
                ($lead.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join '; '
            }
        }
    }

    $script:Expected = @(
        'linkedinUrl=https://www.linkedin.com/in/Row-One; firstName=Ann; company=Acme; score=85'
        'linkedinUrl=https://www.linkedin.com/in/row_two-3; firstName=Cy; company=Gamma; notes=note'
    )
}

AfterAll { Stop-TestSandbox }

Describe 'Add-SpLead reading Import-Csv rows' {
    BeforeEach { Reset-Sandbox }

    It 'sends every column and value as read, and counts a URL differing only in case as a duplicate' {
        $summary = Import-Csv $Csv | Add-SpLead -CampaignId camp_xyz789

        $summary.Added | Should -Be 2
        $summary.DuplicatesSkipped | Should -Be 1
        Get-SentLead | Should -Be $Expected
    }

    It 'reads rows the same after they were displayed and their properties enumerated' {
        $rows = Import-Csv $Csv
        $null = $rows | Format-Table | Out-String
        $null = $rows | ForEach-Object { $_.PSObject.Properties.Name }

        ($rows | Add-SpLead -CampaignId camp_xyz789).Added | Should -Be 2
        Get-SentLead | Should -Be $Expected
    }

    It 'sends a script property added to the rows' {
        Import-Csv $Csv | Add-Member -MemberType ScriptProperty -Name title -Value { 'CTO at ' + $this.company } -PassThru |
            Add-SpLead -CampaignId camp_xyz789 | Out-Null

        Get-SentLead | Should -Be @(
            'linkedinUrl=https://www.linkedin.com/in/Row-One; firstName=Ann; company=Acme; score=85; title=CTO at Acme'
            'linkedinUrl=https://www.linkedin.com/in/row_two-3; firstName=Cy; company=Gamma; notes=note; title=CTO at Gamma'
        )
    }

    It 'sends a property that type data adds to the rows'' type' {
        Update-TypeData -TypeName SendPilot.Tests.TypedRow -MemberType ScriptProperty -MemberName title -Value { 'Head of ' + $this.company } -Force
        try {
            1..3 | ForEach-Object { [pscustomobject]@{ PSTypeName = 'SendPilot.Tests.TypedRow'; linkedinUrl = "https://www.linkedin.com/in/typed-$_"; company = "Co$_" } } |
                Add-SpLead -CampaignId camp_xyz789 | Out-Null
        }
        finally { Remove-TypeData -TypeName SendPilot.Tests.TypedRow }

        Get-SentLead | Should -Be @(1..3 | ForEach-Object { "linkedinUrl=https://www.linkedin.com/in/typed-$_; company=Co$_; title=Head of Co$_" })
    }
}
