# Webhooks: parsing, both signature schemes, a local receiver fed by Send-SpTestWebhook and by the sandbox.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox
    $script:Secret = 'whsec_' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('pester-webhook-key-0123456789ab'))

    # Runs Receive-SpWebhookEvent in its own runspace; returns the PowerShell instance and its async handle.
    function Start-Receiver([int] $Port, [string] $Arguments) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$PSScriptRoot/../../out/SendPilot/SendPilot.psd1'; Receive-SpWebhookEvent -Port $Port $Arguments")
        $handle = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(15)
        while ([DateTime]::UtcNow -lt $deadline) {
            try { $client = [Net.Sockets.TcpClient]::new('127.0.0.1', $Port); $client.Dispose(); break } catch { Start-Sleep -Milliseconds 50 }
        }
        [pscustomobject]@{ PowerShell = $ps; Handle = $handle }
    }

    function Wait-Receiver($Receiver) {
        $null = $Receiver.Handle.AsyncWaitHandle.WaitOne(30000)
        $Receiver.PowerShell.EndInvoke($Receiver.Handle)
        $Receiver.PowerShell.Dispose()
    }
}

AfterAll { Stop-TestSandbox }

Describe 'ConvertFrom-SpWebhookEvent' {
    It 'maps legacy event names and lifts the text' {
        $json = '{"eventId":"evt_1","eventType":"message.received","timestamp":"2026-01-01T00:00:00Z","data":{"leadId":"lead_1","message":"Sounds good"}}'
        $event = $json | ConvertFrom-SpWebhookEvent
        $event.EventType | Should -Be 'reply.received'
        $event.OriginalEventType | Should -Be 'message.received'
        $event.Text | Should -Be 'Sounds good'
    }

    It 'names the missing envelope field' {
        { '{"eventId":"e","timestamp":"2026-01-01T00:00:00Z","data":{}}' | ConvertFrom-SpWebhookEvent -ErrorAction Stop } | Should -Throw "*'eventType'*"
    }
}

Describe 'Test-SpWebhookSignature' {
    It 'verifies the documented scheme computed here with HMACSHA256' {
        $body = '{"eventId":"evt_1"}'
        $t = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $hmac = [Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes('plain-secret'))
        $hex = -join ($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes("$t.$body")) | ForEach-Object { $_.ToString('x2') })
        Test-SpWebhookSignature -Body $body -Headers @{ 'Webhook-Signature' = "t=$t,s=$hex" } -Secret 'plain-secret' | Should -BeTrue
        (Test-SpWebhookSignature -Body "$body " -Headers @{ 'Webhook-Signature' = "t=$t,s=$hex" } -Secret 'plain-secret' -Detailed).Failure | Should -Be 'Mismatch'
    }

    It 'says which header is missing' {
        (Test-SpWebhookSignature -Body '{}' -Headers @{ 'svix-id' = 'm' } -Secret $script:Secret -Detailed).Failure | Should -Be 'MissingHeader'
    }
}

Describe 'Receive-SpWebhookEvent with Send-SpTestWebhook' {
    It 'receives signed samples and refuses unsigned ones' {
        $port = Get-FreePort
        $receiver = Start-Receiver $port "-Secret '$script:Secret' -Count 2 -TimeoutSec 30"
        $uri = "http://127.0.0.1:$port/"
        (Send-SpTestWebhook -Uri $uri -EventType reply.received -ErrorAction SilentlyContinue).StatusCode | Should -Be 401
        (Send-SpTestWebhook -Uri $uri -EventType reply.received -Secret $script:Secret).StatusCode | Should -Be 200
        (Send-SpTestWebhook -Uri $uri -EventType campaign.paused -Secret $script:Secret -Data @{ campaignId = 'camp_1' }).StatusCode | Should -Be 200
        $events = @(Wait-Receiver $receiver)
        $events.EventType | Should -Be @('reply.received', 'campaign.paused')
        $events[1].CampaignId | Should -Be 'camp_1'
    }
}

Describe 'Sandbox webhooks end to end' {
    BeforeAll {
        Reset-Sandbox
        Connect-Sandbox
    }
    AfterAll {
        Invoke-RestMethod -Method Delete "$script:SandboxRoot/_admin/webhooks" | Out-Null
    }

    It 'delivers message.sent, signed, with the lead and the text' {
        $port = Get-FreePort
        $receiver = Start-Receiver $port "-Secret '$script:Secret' -EventType message.sent -Count 1 -TimeoutSec 30"
        $config = @{ url = "http://127.0.0.1:$port/"; secret = $script:Secret; scheme = 'svix' } | ConvertTo-Json
        Invoke-RestMethod -Method Post "$script:SandboxRoot/_admin/webhooks" -Body $config -ContentType 'application/json' | Out-Null

        Invoke-SpApi POST /inbox/send/lead/lead_3 -Body @{ senderId = 'sender_ann'; message = 'Hi {{firstName}}!' } -Confirm:$false | Out-Null
        $event = Wait-Receiver $receiver
        $event.LeadId | Should -Be 'lead_3'
        $event.Text | Should -Be 'Hi Chloe!'
    }
}
