BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox
    Reset-Sandbox
    Connect-Sandbox
}

AfterAll { Stop-TestSandbox }

Describe 'Connecting' {
    It 'shows the context with only the last four characters of the key' {
        $context = Get-SpContext
        $context.WorkspaceId | Should -Be 'ws_sandbox'
        $context.ApiKey | Should -Be ('…' + $script:SandboxKey.Substring($script:SandboxKey.Length - 4))
    }

    It 'refuses plain http for a remote host' {
        { Connect-SpAccount -ApiKey 'sp_live_x' -BaseUri 'http://api.example.com/v1' } | Should -Throw '*https://*'
    }
}

Describe 'Get-SpCampaign' {
    It 'lists every seeded campaign across pages' {
        @(Get-SpCampaign -PageSize 20).Count | Should -Be 45
    }

    It 'filters by status and name' {
        Get-SpCampaign -Status active | ForEach-Object { $_.Status | Should -Be 'started' }
        (Get-SpCampaign -Name 'Q4 Founders Outreach').Id | Should -Be 'camp_xyz789'
    }

    It 'shows one line per request at -Verbose, with its status and time, and none without it' {
        $verbose = Get-SpCampaign -Id camp_xyz789 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose.Message) | Should -Match '^GET /v1/campaigns/camp_xyz789 → 200 in \d+ ms$'

        $quiet = Get-SpCampaign -Id camp_xyz789 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $quiet | Should -BeNullOrEmpty
    }
}

Describe 'Suspend-SpCampaign and Resume-SpCampaign' {
    It 'pauses and resumes through the pipeline' {
        (Get-SpCampaign -Id camp_xyz789 | Suspend-SpCampaign -Confirm:$false).NewStatus | Should -Be 'paused'
        (Get-SpCampaign -Id camp_xyz789 | Resume-SpCampaign -Confirm:$false).NewStatus | Should -Be 'started'
    }

    It 'sends nothing with -WhatIf' {
        Suspend-SpCampaign -CampaignId camp_xyz789 -WhatIf
        (Get-SpCampaign -Id camp_xyz789).Status | Should -Be 'started'
    }
}

Describe 'Help' {
    It 'has a synopsis and an example for every exported cmdlet' {
        foreach ($command in Get-Command -Module SendPilot) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $command.Name
            @($help.Examples.Example).Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }
}
