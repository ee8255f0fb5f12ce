BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox
    Connect-Sandbox
}

AfterAll { Stop-TestSandbox }

Describe 'Add-SpLead' {
    BeforeEach { Reset-Sandbox }

    It 'uploads CSV rows in batches and accounts for every row' {
        $csv = Join-Path $TestDrive 'leads.csv'
        1..250 | ForEach-Object { [pscustomobject]@{ 'LinkedIn URL' = "https://www.linkedin.com/in/pester-$_"; 'First Name' = "P$_"; score = '' } } |
            Export-Csv -Path $csv -NoTypeInformation
        $summary = Import-Csv $csv | Add-SpLead -CampaignId camp_xyz789

        $summary.Submitted | Should -Be 250
        $summary.Added | Should -Be 250
        $summary.Batches | Should -Be 3
        $summary.Submitted | Should -Be ($summary.Added + $summary.DuplicatesSkipped + $summary.Invalid + $summary.Failed)
    }

    It 'reports invalid rows with the row as TargetObject and counts duplicates' {
        $rows = @(
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/pester-a' }
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/sales/lead/ACwAAA1' }
            [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/PESTER-A/' }
        )
        $summary = $rows | Add-SpLead -CampaignId camp_xyz789 -ErrorVariable bad -ErrorAction SilentlyContinue

        $summary.Added | Should -Be 1
        $summary.Invalid | Should -Be 1
        $summary.DuplicatesSkipped | Should -Be 1
        $bad.Count | Should -Be 1
        $bad[0].TargetObject.linkedinUrl | Should -BeLike '*sales*'
    }

    It 'sends nothing with -WhatIf' {
        [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/pester-whatif' } | Add-SpLead -CampaignId camp_xyz789 -WhatIf | Should -BeNullOrEmpty
        (Get-SpCampaign -Id camp_xyz789).TotalLeads | Should -Be 120
    }

    It 'stops with a terminating error for an unknown campaign' {
        # A -CampaignId is checked before any batch is sent; a campaign named by the rows stops the upload when the API refuses it.
        { [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/pester-x' } | Add-SpLead -CampaignId camp_nope -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'SendPilot.CampaignNotFound*'
        { [pscustomobject]@{ campaignId = 'camp_nope'; linkedinUrl = 'https://www.linkedin.com/in/pester-x' } | Add-SpLead -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'SendPilot.LeadUploadStopped*'
    }
}

Describe 'Get-SpLead and Set-SpLeadStatus' {
    BeforeEach { Reset-Sandbox }

    It 'lists every lead of a piped campaign in order' {
        $leads = Get-SpCampaign -Id camp_xyz789 | Get-SpLead -PageSize 25
        $leads.Count | Should -Be 120
        $leads[0].LeadId | Should -Be 'lead_1'
        $leads[-1].LeadId | Should -Be 'lead_120'
    }

    It 'updates a status through the pipeline' {
        $change = Get-SpLead -LeadId lead_3 | Set-SpLeadStatus -Status MEETING_BOOKED -Confirm:$false
        $change.Status | Should -Be 'MEETING_BOOKED'
        (Get-SpLead -LeadId lead_3).Status | Should -Be 'MEETING_BOOKED'
    }

    It 'requires a status' {
        { Set-SpLeadStatus -LeadId lead_3 -Note 'x' } | Should -Throw -ErrorId 'SendPilot.LeadStatusRequired*'
    }
}
