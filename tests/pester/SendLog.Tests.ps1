# The send log in real pwsh, across processes: a killed process and two processes at once never send twice.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox

    function Use-FreshSendLog { $env:SENDPILOT_LEDGER_PATH = Join-Path $script:TestData "ledger-$([guid]::NewGuid().ToString('N'))" }
    function Get-SandboxFault { @((Invoke-RestMethod "$script:SandboxRoot/_admin/faults").faults) }
    function Wait-Until([scriptblock] $Condition, [int] $TimeoutSec = 60) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
    }
    # A script for a second pwsh: the module, a connection to this file's sandbox, then $Pipeline. The send log
    # folder comes with the environment, so parent and child share it.
    function Get-ChildScript([string] $Pipeline) {
        "Import-Module '$script:ModuleManifest'; Connect-SpAccount -ApiKey '$script:SandboxKey' -BaseUri '$script:SandboxUri'; $Pipeline"
    }
}

AfterAll { Stop-TestSandbox }

Describe 'The send log across processes' {
    BeforeEach {
        Reset-Sandbox
        Use-FreshSendLog
        Connect-Sandbox
    }

    It 'makes a re-run after a killed pwsh skip the sent and the in-flight recipients and send the rest' {
        Add-SandboxFault @{ method = 'POST'; path = '/inbox/send/lead/lead_4'; delayMs = 60000; count = 1 }
        $leads = "'lead_3', 'lead_4', 'lead_5' | ForEach-Object { [pscustomobject]@{ LeadId = `$_ } }"
        $child = Start-ChildPwsh -Command (Get-ChildScript "$leads | Send-SpMessage -Message 'Hello {{firstName}}' -SenderId sender_ann") `
            -Environment @{ SENDPILOT_LEDGER_PATH = $env:SENDPILOT_LEDGER_PATH }
        # The delay rule is used up when lead_4's request reaches the sandbox, which then holds it.
        Wait-Until { (Get-SandboxFault).Count -eq 0 -or $child.HasExited }
        $held = (Get-SandboxFault).Count -eq 0
        $child.Kill($true)
        $child.WaitForExit()
        $held | Should -BeTrue -Because "lead_4's request should be held by the sandbox when the child is killed ($($child.StandardError.ReadToEnd()))"

        $receipts = 'lead_3', 'lead_4', 'lead_5' | ForEach-Object { [pscustomobject]@{ LeadId = $_ } } |
            Send-SpMessage -Message 'Hello {{firstName}}' -SenderId sender_ann -ErrorVariable skipped -ErrorAction SilentlyContinue

        $receipts.LeadId | Should -Be 'lead_5'
        $skipped | Should -HaveCount 2
        $skipped.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'SendPilot.AlreadySent*' }
        "$($skipped[0])" | Should -BeLike 'Skipped lead lead_3 (input row 1): this message was already sent to them on * from sender_ann*'
        "$($skipped[1])" | Should -BeLike 'Skipped lead lead_4 (input row 2): this message may already have reached them*its outcome is unknown*'
        (Get-SpSendLog -Status unknown).LeadId | Should -Be 'lead_4'
        Wait-Until { @(Get-SandboxRequest POST '/inbox/send/lead/lead_4').Count -gt 0 } -TimeoutSec 15
        foreach ($lead in 'lead_3', 'lead_4', 'lead_5') { @(Get-SandboxRequest POST "/inbox/send/lead/$lead") | Should -HaveCount 1 -Because $lead }
    }

    It 'lets two pwsh processes sending to overlapping recipients at once reach each recipient exactly once' {
        # Slow answers stretch both runs so that they overlap; each child waits for the same start signal.
        Add-SandboxFault @{ method = 'POST'; path = '/inbox/send'; delayMs = 25; count = 0 }
        $go = Join-Path $script:TestData "go-$([guid]::NewGuid().ToString('N'))"
        $children = foreach ($range in '1..12', '7..18') {
            $pipeline = @"
`$ready = '$go' + '.' + `$PID; New-Item -ItemType File `$ready | Out-Null
while (-not (Test-Path '$go')) { Start-Sleep -Milliseconds 20 }
`$sent = $range | ForEach-Object { [pscustomobject]@{ linkedinUrl = "https://www.linkedin.com/in/both-`$_" } } |
    Send-SpMessage -Message 'Hi from both' -SenderId sender_ann -ErrorVariable skipped -ErrorAction SilentlyContinue
"sent=`$(@(`$sent).Count) skipped=`$(@(`$skipped | Where-Object FullyQualifiedErrorId -like 'SendPilot.AlreadySent*').Count) other=`$(@(`$skipped | Where-Object FullyQualifiedErrorId -notlike 'SendPilot.AlreadySent*').Count)"
"@
            Start-ChildPwsh -Command (Get-ChildScript $pipeline) -Environment @{ SENDPILOT_LEDGER_PATH = $env:SENDPILOT_LEDGER_PATH }
        }
        Wait-Until { @(Get-ChildItem "$go.*").Count -eq 2 -or @($children | Where-Object HasExited).Count -gt 0 }
        $null = New-Item -ItemType File $go
        $reports = foreach ($child in $children) {
            $output = $child.StandardOutput.ReadToEndAsync()
            $child.WaitForExit(120000) | Should -BeTrue
            $output.Result.Trim()
        }

        $counts = $reports | ForEach-Object { if ($_ -match 'sent=(\d+) skipped=(\d+) other=(\d+)') { [pscustomobject]@{ Sent = [int]$Matches[1]; Skipped = [int]$Matches[2]; Other = [int]$Matches[3] } } }
        $counts | Should -HaveCount 2 -Because ($reports -join ' | ')
        ($counts | Measure-Object Sent -Sum).Sum | Should -Be 18
        ($counts | Measure-Object Skipped -Sum).Sum | Should -Be 6
        ($counts | Measure-Object Other -Sum).Sum | Should -Be 0
        $posts = @(Get-SandboxRequest POST '/inbox/send')
        foreach ($i in 1..18) { @($posts | Where-Object body -like "*both-$i`"*") | Should -HaveCount 1 -Because "both-$i" }
        Get-SpSendLog -Status sent | Should -HaveCount 18
    }

    It 'shows the log as a table and explains a skip in one sentence' {
        [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/ann-one' } | Send-SpMessage -Message 'Hi' -SenderId sender_ann | Out-Null
        [pscustomobject]@{ linkedinUrl = 'https://www.linkedin.com/in/ann-one' } |
            Send-SpMessage -Message 'Hi' -SenderId sender_ann -ErrorVariable skipped -ErrorAction SilentlyContinue

        $table = Get-SpSendLog | Out-String -Width 80
        $table | Should -Match 'Time\s+Status\s+Action\s+SenderId\s+Id\s+Recipient'
        $table | Should -Match 'sent\s+message\s+sender_ann\s+sl_[0-9a-f]{16}\s+/in/ann-one'
        "$($skipped[0])" | Should -Match '^Skipped https://www.linkedin.com/in/ann-one \(input row 1\): this message was already sent to them on .+ from sender_ann, so nothing was sent \(send log sl_\w+\)\. To send it again anyway, add -Force\.$'
        $skipped[0].ErrorDetails.Message | Should -BeLike '*To send it again anyway, add -Force.'
        "$($skipped[0])" | Should -Not -Match 'statusCode'
    }
}
