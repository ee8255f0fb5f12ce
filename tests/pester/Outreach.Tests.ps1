# Outreach cmdlets against the file's own sandbox (TestHelpers.ps1).
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox
}

AfterAll { Stop-TestSandbox }

Describe 'Send-SpMessage' {
    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox -TimeoutSec 1
    }

    It 'sends one rendered message per row' {
        $rows = 'ann-one', 'bob-two', 'cy-three' | ForEach-Object {
            [pscustomobject]@{ linkedinUrl = "https://www.linkedin.com/in/$_"; firstName = $_.Split('-')[0] }
        }
        $receipts = $rows | Send-SpMessage -Message 'Hi {{firstName}}' -SenderId sender_ann
        $receipts | Should -HaveCount 3
        ($receipts.Status -join ',') | Should -Be 'sent,sent,sent'
        @(Get-SandboxRequest POST '/inbox/send').Count | Should -Be 3
    }

    It 'fails a row whose placeholder has no value and sends the others' {
        $rows = [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/a-1'; firstName = 'A' },
                [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/b-2'; firstName = '' }
        $receipts = $rows | Send-SpMessage -Message 'Hi {{firstName}}' -SenderId sender_ann -ErrorVariable failed -ErrorAction SilentlyContinue
        $receipts | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SendPilot.TemplateValueMissing*'
    }

    It 'sends nothing with -WhatIf' {
        [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/a-1' } | Send-SpMessage -Message 'Hi' -SenderId sender_ann -WhatIf
        @(Get-SandboxRequest POST '/inbox/*').Count | Should -Be 0
    }

    It 'does not repeat a send answered with 500' {
        Add-SandboxFault @{ method = 'POST'; path = '/inbox/send'; status = 500 }
        [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/a-1' } |
            Send-SpMessage -Message 'Hi' -SenderId sender_ann -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SendPilot.DeliveryUnknown*'
        @(Get-SandboxRequest POST '/inbox/send').Count | Should -Be 1
    }

    It 'moves to the next sender when one reaches its daily limit' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ linkedinUrl = "https://www.linkedin.com/in/p-$_" } }
        $receipts = $rows | Send-SpMessage -Message 'Hi' -SenderId sender_ben, sender_ann
        ($receipts.SenderId -join ',') | Should -Be 'sender_ben,sender_ben,sender_ann'
    }
}

Describe 'Request-SpConnection' {
    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox
    }

    It 'reports sent and already_connected' {
        $receipts = 'https://www.linkedin.com/in/stranger-amy', 'https://www.linkedin.com/in/known-kim' |
            Request-SpConnection -SenderId sender_ann
        ($receipts.Status -join ',') | Should -Be 'sent,already_connected'
    }

    It 'refuses a note over 300 characters without a request' {
        'https://www.linkedin.com/in/stranger-amy' |
            Request-SpConnection -Message ('x' * 301) -SenderId sender_ann -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SendPilot.NoteTooLong*'
        @(Get-SandboxRequest POST '/inbox/connect').Count | Should -Be 0
    }
}

Describe 'Reading senders and the inbox' {
    BeforeAll {
        Reset-Sandbox
        Connect-Sandbox
    }

    It 'lists active senders and their quotas' {
        ((Get-SpSender -Status active).Id -join ',') | Should -Be 'sender_ann,sender_ben'
        (Get-SpSenderQuota -SenderId sender_ann).MessagesLimit | Should -Be 100
    }

    It 'reads the credits' {
        (Get-SpCredit).Available | Should -BeGreaterThan 0
    }

    It 'pages conversations by 20 and stops early with -First' {
        Get-SpConversation -SenderId sender_ann | Should -HaveCount 45
        Get-SpConversation -SenderId sender_ann -First 5 | Should -HaveCount 5
    }

    It 'pipes conversations into Get-SpMessage' {
        $messages = Get-SpConversation -SenderId sender_ann -First 2 | Get-SpMessage -First 1
        $messages | Should -HaveCount 2
    }
}
