<#
.SYNOPSIS
    The SendPilot module's story in under a minute, against the local sandbox: connect, list campaigns,
    upload a CSV and see every row accounted for, preview a templated message, send it, and receive
    the webhooks SendPilot fires for it.
.NOTES
    ./build.ps1 -Task Demo builds the module, starts the sandbox, sets SENDPILOT_API_KEY and
    SENDPILOT_BASE_URI, imports the module and runs this script. Against the sandbox only: it sends messages.
#>
[CmdletBinding()]
param(
    [string] $CsvPath = (Join-Path $PSScriptRoot 'leads.csv'),
    [string] $CampaignId = 'camp_xyz789'
)
$ErrorActionPreference = 'Stop'

function Show-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

Show-Step 'Connect (the key is checked, then shown only as its last four characters)'
Connect-SpAccount -ApiKey $env:SENDPILOT_API_KEY -BaseUri $env:SENDPILOT_BASE_URI -PassThru | Format-List

Show-Step 'Running campaigns'
Get-SpCampaign -Status active -PageSize 20 | Format-Table

Show-Step "Upload ${CsvPath}: batched, and every row accounted for"
$summary = Import-Csv $CsvPath | Add-SpLead -CampaignId $CampaignId -ErrorVariable rejected -ErrorAction SilentlyContinue
$summary | Format-Table
Write-Host "$($rejected.Count) rows need attention; `$rejected.TargetObject | Export-Csv gives a file to fix:"
$rejected | ForEach-Object { [pscustomobject]@{ Row = $_.TargetObject.'LinkedIn URL'; Reason = $_.Exception.Message } } | Format-Table -Wrap

Show-Step 'Start a webhook receiver and point the sandbox at it'
$secret = 'whsec_' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('sendpilot-demo-signing-key'))
$probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
$probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
$receiver = [powershell]::Create([System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2())
$null = $receiver.AddScript({
        param($ModulePath, $Port, $Secret)
        Import-Module $ModulePath
        Receive-SpWebhookEvent -Port $Port -Secret $Secret -EventType 'message.sent' -Count 3 -TimeoutSec 30
    }).AddArgument((Get-Module SendPilot).Path).AddArgument($port).AddArgument($secret)
$pending = $receiver.BeginInvoke()
$sandboxRoot = $env:SENDPILOT_BASE_URI -replace '/v1/?$', ''
Invoke-RestMethod -Method Post "$sandboxRoot/_admin/webhooks" -ContentType 'application/json' `
    -Body (@{ url = "http://127.0.0.1:$port/"; secret = $secret; scheme = 'svix' } | ConvertTo-Json) | Out-Null
foreach ($attempt in 1..50) {
    $client = [System.Net.Sockets.TcpClient]::new()
    try { $client.Connect('127.0.0.1', $port); break } catch { Start-Sleep -Milliseconds 100 } finally { $client.Dispose() }
}
Write-Host "Listening on http://127.0.0.1:$port/ for signed message.sent events."

Show-Step 'Preview a templated message to three connected leads (-WhatIf sends nothing)'
$leads = Get-SpLead -CampaignId $CampaignId -Status CONNECTION_ACCEPTED | Select-Object -First 3
$template = 'Hi {{firstName}}, thanks for connecting! Would a short call next week be useful?'
$leads | Send-SpMessage -Message $template -SenderId sender_ann -WhatIf

Show-Step 'Send it: one receipt per message, never sent twice'
$leads | Send-SpMessage -Message $template -SenderId sender_ann | Format-Table

Show-Step 'The webhooks SendPilot fired, verified against the secret'
$events = $receiver.EndInvoke($pending)
$receiver.Dispose()
Invoke-RestMethod -Method Delete "$sandboxRoot/_admin/webhooks" | Out-Null
$events | Format-Table
Write-Host "`nDone: $(@($summary)[0].Added) leads added, $(@($events).Count) messages sent and confirmed by webhook."
