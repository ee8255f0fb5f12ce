# Shared set-up for the Pester suite, dot-sourced by each file's BeforeAll. ./build.ps1 -Task Test starts
# the sandbox and sets SENDPILOT_SANDBOX_URI / SENDPILOT_SANDBOX_KEY before running these files.
$script:SandboxUri = $env:SENDPILOT_SANDBOX_URI
$script:SandboxKey = $env:SENDPILOT_SANDBOX_KEY
$script:SandboxRoot = $script:SandboxUri -replace '/v1/?$', ''

Import-Module "$PSScriptRoot/../../out/SendPilot/SendPilot.psd1" -Force

function Connect-Sandbox {
    param([int] $TimeoutSec = 100)
    Connect-SpAccount -ApiKey $script:SandboxKey -BaseUri $script:SandboxUri -TimeoutSec $TimeoutSec
}

function Reset-Sandbox {
    Invoke-RestMethod -Method Post "$script:SandboxRoot/_admin/reset" | Out-Null
}

function Get-SandboxRequest([string] $Method, [string] $Path) {
    (Invoke-RestMethod "$script:SandboxRoot/_admin/requests?method=$Method&path=$([uri]::EscapeDataString($Path))").requests
}

function Add-SandboxFault([hashtable] $Rule) {
    Invoke-RestMethod -Method Post "$script:SandboxRoot/_admin/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json) | Out-Null
}

function Get-FreePort {
    $probe = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $port
}
