# Shared set-up for the Pester suite. ./build.ps1 -Task Test starts the sandbox and sets
# SENDPILOT_SANDBOX_URI / SENDPILOT_SANDBOX_KEY before running these files.
$script:SandboxUri = $env:SENDPILOT_SANDBOX_URI
$script:SandboxKey = $env:SENDPILOT_SANDBOX_KEY
$script:SandboxRoot = $script:SandboxUri -replace '/v1/?$', ''

Import-Module "$PSScriptRoot/../../out/SendPilot/SendPilot.psd1" -Force

function Reset-Sandbox {
    Invoke-RestMethod -Method Post "$script:SandboxRoot/_admin/reset" | Out-Null
}

function Get-SandboxRequest([string] $Method, [string] $Path) {
    (Invoke-RestMethod "$script:SandboxRoot/_admin/requests?method=$Method&path=$Path").requests
}

function Connect-Sandbox {
    Connect-SpAccount -ApiKey $script:SandboxKey -BaseUri $script:SandboxUri
}
