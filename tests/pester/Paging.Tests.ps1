# -First/-Skip/-IncludeTotalCount on every list cmdlet, with the sandbox's request log as the witness that no page is
# read once -First is satisfied; -Status in the words campaigns display; a mistyped lead status is named, not silent.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Start-TestSandbox | Out-Null
    Connect-Sandbox | Out-Null

    function Clear-SandboxRequest { Invoke-RestMethod -Method Delete "$script:SandboxRoot/_admin/requests" | Out-Null }
}

AfterAll { Stop-TestSandbox }

Describe 'Every list cmdlet pages' {
    It 'has -First, -Skip and -IncludeTotalCount' -ForEach 'Get-SpCampaign', 'Get-SpLead', 'Get-SpConversation', 'Get-SpMessage', 'Get-SpSender', 'Get-SpSenderQuota' {
        $command = Get-Command $_
        foreach ($name in 'First', 'Skip', 'IncludeTotalCount') { $command.Parameters.Keys | Should -Contain $name -Because $_ }
    }
}

Describe 'Get-SpLead paging' {
    BeforeEach { Clear-SandboxRequest }

    It 'reads one page for -First 3, even with pages fetched ahead' {
        $leads = Get-SpLead -CampaignId camp_xyz789 -First 3 -PageSize 10 -ThrottleLimit 4
        $leads.LeadId | Should -Be @('lead_1', 'lead_2', 'lead_3')
        @(Get-SandboxRequest -Method GET -Path '/leads').Count | Should -Be 1
    }

    It 'reads only the pages that hold -Skip 15 -First 10' {
        $leads = Get-SpLead -CampaignId camp_xyz789 -Skip 15 -First 10 -PageSize 10 -ThrottleLimit 4
        $leads.LeadId | Should -Be @(16..25 | ForEach-Object { "lead_$_" })
        $pages = Get-SandboxRequest -Method GET -Path '/leads' | ForEach-Object { [regex]::Match($_.query, 'page=(\d+)').Groups[1].Value } | Sort-Object { [int]$_ }
        $pages | Should -Be @('1', '2', '3')
    }

    It 'reports the total the API gave with -IncludeTotalCount' {
        $result = @(Get-SpLead -CampaignId camp_xyz789 -First 1 -IncludeTotalCount)
        $result[0] | Should -Be 120
        $result[1].LeadId | Should -Be 'lead_1'
    }

    It 'warns, naming the campaign and the known statuses, when a mistyped status finds nothing' {
        $leads = Get-SpLead -CampaignId camp_xyz789 -Status ACCEPTED -WarningVariable warned -WarningAction SilentlyContinue
        $leads | Should -BeNullOrEmpty
        "$warned" | Should -BeLike 'Campaign camp_xyz789 has no lead with status ACCEPTED, *CONNECTION_ACCEPTED*check its spelling.'
        (Get-SandboxRequest -Method GET -Path '/leads')[0].query | Should -Match 'status=ACCEPTED'
    }

    It 'does not warn for a known status' {
        $null = Get-SpLead -CampaignId camp_xyz789 -Status DONE -WarningVariable warned
        $warned | Should -BeNullOrEmpty
    }
}

Describe 'Get-SpCampaign paging and status' {
    BeforeEach { Clear-SandboxRequest }

    It 'stops after the page that holds -First' {
        (Get-SpCampaign -First 2 -PageSize 20).Id | Should -Be @('camp_xyz789', 'camp_sbx_01')
        @(Get-SandboxRequest -Method GET -Path '/campaigns').Count | Should -Be 1
    }

    It 'accepts started, as campaigns display it, and asks the API for active' {
        $started = Get-SpCampaign -Status started
        $started.Count | Should -Be 12
        $started.Status | Sort-Object -Unique | Should -Be 'started'
        (Get-SandboxRequest -Method GET -Path '/campaigns')[0].query | Should -Match 'status=active'
    }

    It 'filters repeating campaigns, which the API cannot filter, from the whole list' {
        $body = @{ campaigns = @(
                @{ id = 'camp_r1'; name = 'Weekly'; status = 'repeating'; totalLeads = 3 }
                @{ id = 'camp_s1'; name = 'Once'; status = 'started'; totalLeads = 5 }
                @{ id = 'camp_r2'; name = 'Monthly'; status = 'REPEATING'; totalLeads = 8 }
            ); pagination = @{ page = 1; limit = 100; total = 3; totalPages = 1 } } | ConvertTo-Json -Depth 4 -Compress
        Add-SandboxFault @{ method = 'GET'; path = '/campaigns'; status = 200; count = 0; body = $body }
        try {
            (Get-SpCampaign -Status repeating).Id | Should -Be @('camp_r1', 'camp_r2')
            (Get-SpCampaign -Status repeating -First 1).Id | Should -Be 'camp_r1'
            (Get-SandboxRequest -Method GET -Path '/campaigns')[0].query | Should -Match 'status=all'
        }
        finally { Invoke-RestMethod -Method Delete "$script:SandboxRoot/_admin/faults" | Out-Null }
    }

    It 'refuses a status it does not know, naming the ones it does' {
        { Get-SpCampaign -Status running } | Should -Throw '*started*repeating*'
    }
}

Describe 'Lists read in one request' {
    It 'windows senders with -Skip and -First and counts them all' {
        (Get-SpSender -Skip 1 -First 2).Id | Should -Be @('sender_ben', 'sender_cho')
        $counted = @(Get-SpSender -First 1 -IncludeTotalCount)
        $counted[0] | Should -Be 4
    }

    It 'windows sender quotas' {
        (Get-SpSenderQuota -First 1).SenderId | Should -Be 'sender_ann'
    }
}
