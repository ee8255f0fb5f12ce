# Tab completion as the console asks for it (CommandCompletion.CompleteInput), against a sandbox: every parameter that takes a
# campaign, sender or conversation id completes live ids; event types and statuses complete known values; a failed lookup is
# remembered briefly instead of costing another timeout on every Tab.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    Start-TestSandbox | Out-Null
    Connect-Sandbox | Out-Null

    function Get-Completion([string] $Line) {
        @([System.Management.Automation.CommandCompletion]::CompleteInput($Line, $Line.Length, $null).CompletionMatches.CompletionText)
    }

    # Every parameter of every SendPilot cmdlet whose name or alias says it takes one of these ids.
    function Get-IdParameter([string[]] $Names) {
        foreach ($command in Get-Command -Module SendPilot) {
            foreach ($parameter in $command.Parameters.Values) {
                if ($parameter.Name -in $Names -or @($parameter.Aliases | Where-Object { $_ -in $Names }).Count) {
                    [pscustomobject]@{ Command = $command.Name; Parameter = $parameter.Name }
                }
            }
        }
    }
    $script:Conversation = (Get-SpConversation -SenderId sender_ann -First 1).Id
}

AfterAll { Stop-TestSandbox }

Describe 'Id parameters' {
    It 'finds the id parameters of every cmdlet that takes one' {
        $found = Get-IdParameter 'CampaignId', 'SenderId', 'AccountId', 'ConversationId' | ForEach-Object { "$($_.Command) -$($_.Parameter)" }
        foreach ($expected in 'Add-SpLead -CampaignId', 'Get-SpLead -CampaignId', 'Get-SpCampaign -Id', 'Suspend-SpCampaign -CampaignId',
            'Resume-SpCampaign -CampaignId', 'Send-SpMessage -CampaignId', 'Send-SpMessage -SenderId', 'Request-SpConnection -SenderId',
            'Get-SpSenderQuota -SenderId', 'Get-SpConversation -SenderId', 'Get-SpMessage -SenderId', 'Get-SpMessage -ConversationId') {
            $found | Should -Contain $expected
        }
    }

    It 'completes every campaign id parameter with the live campaigns' {
        foreach ($p in Get-IdParameter 'CampaignId') {
            Get-Completion "$($p.Command) -$($p.Parameter) camp_x" | Should -Contain 'camp_xyz789' -Because "$($p.Command) -$($p.Parameter)"
        }
    }

    It 'completes every sender id parameter with the live senders' {
        foreach ($p in Get-IdParameter 'SenderId', 'AccountId') {
            Get-Completion "$($p.Command) -$($p.Parameter) sender_a" | Should -Contain 'sender_ann' -Because "$($p.Command) -$($p.Parameter)"
        }
    }

    It 'completes every conversation id parameter with the recent conversations' {
        foreach ($p in Get-IdParameter 'ConversationId') {
            Get-Completion "$($p.Command) -$($p.Parameter) " | Should -Contain $script:Conversation -Because "$($p.Command) -$($p.Parameter)"
        }
    }
}

Describe 'Event types and statuses' {
    It 'completes every -EventType and status parameter' {
        foreach ($command in Get-Command -Module SendPilot) {
            foreach ($name in 'EventType', 'Status', 'CustomLeadStatus') {
                if (-not $command.Parameters.ContainsKey($name)) { continue }
                (Get-Completion "$($command.Name) -$name ").Count | Should -BeGreaterThan 1 -Because "$($command.Name) -$name"
            }
        }
    }

    It 'offers the campaign statuses campaigns display' {
        Get-Completion 'Get-SpCampaign -Status st' | Should -Be @('started')
        Get-Completion 'Get-SpCampaign -Status rep' | Should -Be @('repeating')
    }

    It 'offers webhook event types, current and older names' {
        Get-Completion 'Receive-SpWebhookEvent -EventType campaign.p' | Should -Be @('campaign.paused')
        Get-Completion 'Receive-SpWebhookEvent -EventType lead.st' | Should -Be @('lead.status.changed')
    }
}

Describe 'A failed lookup' {
    It 'is asked once and remembered, so the next Tab does not wait again' {
        Connect-SpAccount -ApiKey 'sp_test_readonly_000000000000002' -BaseUri $script:SandboxUri | Out-Null
        Add-SandboxFault @{ method = 'GET'; path = '/campaigns'; status = 401; count = 0 }
        Invoke-RestMethod -Method Delete "$script:SandboxRoot/_admin/requests" | Out-Null

        Get-Completion 'Get-SpLead -CampaignId camp_' | Should -BeNullOrEmpty
        Get-Completion 'Add-SpLead -CampaignId camp_' | Should -BeNullOrEmpty
        Invoke-RestMethod -Method Delete "$script:SandboxRoot/_admin/faults" | Out-Null
        Get-Completion 'Get-SpLead -CampaignId camp_' | Should -BeNullOrEmpty

        @(Get-SandboxRequest -Method GET -Path '/campaigns').Count | Should -Be 1
    }
}
