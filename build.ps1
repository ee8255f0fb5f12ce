<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the SendPilot module. A thin wrapper over dotnet:
    everything important also works with plain `dotnet build` and `dotnet test`.
.EXAMPLE
    ./build.ps1                 # Build (Release) -> out/SendPilot/SendPilot.psd1
.EXAMPLE
    ./build.ps1 -Task Test      # dotnet test, then the Pester suite when Pester 5 is installed
.EXAMPLE
    ./build.ps1 -Task Demo      # build, start the local sandbox, run examples/demo.ps1 against it
.EXAMPLE
    ./build.ps1 -Task Package   # out/SendPilot/<version>/ ready for Publish-PSResource
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Port for the local sandbox used by Demo and the Pester suite.
    [int] $SandboxPort = 5080,

    # Package without building first (the module in out/SendPilot must exist).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/SendPilot'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'SendPilot.PowerShell.sln') -c $Configuration
}

function Start-Sandbox {
    $dll = Join-Path $root "src/SendPilot.Sandbox/bin/$Configuration/net10.0/SendPilot.Sandbox.dll"
    $process = Start-Process dotnet -ArgumentList @($dll, '--port', $SandboxPort) -PassThru -NoNewWindow `
        -RedirectStandardOutput (Join-Path ([IO.Path]::GetTempPath()) 'sendpilot-sandbox.log')
    $baseUri = "http://127.0.0.1:$SandboxPort/v1"
    foreach ($attempt in 1..50) {
        try {
            Invoke-RestMethod "http://127.0.0.1:$SandboxPort/_admin/faults" -TimeoutSec 1 | Out-Null
            return [pscustomobject]@{ Process = $process; BaseUri = $baseUri; ApiKey = 'sp_test_sandbox_0000000000000001' }
        }
        catch { Start-Sleep -Milliseconds 200 }
    }
    Stop-Process -Id $process.Id -ErrorAction SilentlyContinue
    throw "The sandbox did not start on port $SandboxPort."
}

function Invoke-WithSandbox([scriptblock] $Action) {
    $sandbox = Start-Sandbox
    $saved = $env:SENDPILOT_API_KEY, $env:SENDPILOT_BASE_URI, $env:SENDPILOT_SANDBOX_URI, $env:SENDPILOT_SANDBOX_KEY, $env:SENDPILOT_LEDGER_PATH
    # The sandbox has the same leads every time: a send log of its own, so a run never skips what an earlier run sent.
    $ledger = Join-Path ([IO.Path]::GetTempPath()) "sendpilot-ledger-$([guid]::NewGuid().ToString('N'))"
    try {
        $env:SENDPILOT_API_KEY = $env:SENDPILOT_SANDBOX_KEY = $sandbox.ApiKey
        $env:SENDPILOT_BASE_URI = $env:SENDPILOT_SANDBOX_URI = $sandbox.BaseUri
        $env:SENDPILOT_LEDGER_PATH = $ledger
        & $Action
    }
    finally {
        $env:SENDPILOT_API_KEY, $env:SENDPILOT_BASE_URI, $env:SENDPILOT_SANDBOX_URI, $env:SENDPILOT_SANDBOX_KEY, $env:SENDPILOT_LEDGER_PATH = $saved
        Remove-Item -LiteralPath $ledger -Recurse -Force -ErrorAction SilentlyContinue
        Stop-Process -Id $sandbox.Process.Id -ErrorAction SilentlyContinue
    }
}

function Invoke-Test {
    Invoke-Dotnet test (Join-Path $root 'SendPilot.PowerShell.sln')
    $pester = Get-Module Pester -ListAvailable | Where-Object { $_.Version.Major -ge 5 } | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed; skipping tests/pester (Install-Module Pester -MinimumVersion 5.0).'
        return
    }
    Invoke-Build
    Invoke-WithSandbox {
        Import-Module $pester
        $result = Invoke-Pester -Path (Join-Path $root 'tests/pester') -Output Detailed -PassThru
        if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
    }
}

function Invoke-Package {
    if (-not $NoBuild) { Invoke-Build }
    Invoke-Dotnet msbuild (Join-Path $root 'src/SendPilot.PowerShell/SendPilot.PowerShell.csproj') -t:PackageModule -nologo -v:m
    $version = (Test-ModuleManifest (Join-Path $moduleDir 'SendPilot.psd1')).Version.ToString(3)
    $target = Join-Path $moduleDir $version
    $info = Test-ModuleManifest (Join-Path $target 'SendPilot.psd1')
    Write-Host "Packaged SendPilot $($info.Version) -> $target (Publish-PSResource -Path '$target')"
    $target
}

function Invoke-Demo {
    Invoke-Build
    Invoke-WithSandbox {
        Import-Module (Join-Path $moduleDir 'SendPilot.psd1') -Force
        & (Join-Path $root 'examples/demo.ps1')
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
    'Clean' {
        Invoke-Dotnet clean (Join-Path $root 'SendPilot.PowerShell.sln') -c $Configuration
        if (Test-Path (Join-Path $root 'out')) { Remove-Item (Join-Path $root 'out') -Recurse -Force }
    }
}
