<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the SendPilot module. A thin wrapper over dotnet:
    everything important also works with plain `dotnet build` and `dotnet test`.
.EXAMPLE
    ./build.ps1                 # Build (Release) -> out/SendPilot/SendPilot.psd1
.EXAMPLE
    ./build.ps1 -Task Test      # dotnet test: xunit and the Pester suite in the pinned pwsh
.EXAMPLE
    ./build.ps1 -Task Pester -PesterPath tests/pester/Leads.Tests.ps1   # one Pester file in this pwsh
.EXAMPLE
    ./build.ps1 -Task Demo      # build, start the local sandbox on a free port, run examples/demo.ps1 against it
.EXAMPLE
    ./build.ps1 -Task Package   # out/package/SendPilot/<version>/ ready for Publish-PSResource
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Port for the Demo's sandbox; 0 (the default) takes a free one.
    [int] $SandboxPort = 0,

    # Pester task: the file or folder to run (default: all of tests/pester).
    [string] $PesterPath,

    # Package or Demo without building first (the module in out/SendPilot must exist).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleDir = Join-Path $root 'out/SendPilot'
. (Join-Path $root 'tools/Sandbox.ps1')

# Arguments go through as one array: PowerShell would split tokens such as -t:PackageModule if they went through @args.
function Invoke-Dotnet([string[]] $Arguments) {
    & dotnet $Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet @('build', (Join-Path $root 'SendPilot.PowerShell.sln'), '-c', $Configuration)
}

function Invoke-Test {
    Invoke-Dotnet @('test', (Join-Path $root 'SendPilot.PowerShell.sln'))
}

function Invoke-PesterHere {
    $version = ([xml](Get-Content (Join-Path $root 'tests/SendPilot.Pester.Tests/SendPilot.Pester.Tests.csproj') -Raw)).Project.PropertyGroup.PesterVersion | Where-Object { $_ }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $pester = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $pester)) { Invoke-Dotnet @('restore', (Join-Path $root 'tests/SendPilot.Pester.Tests')) }
    if (-not $NoBuild) { Invoke-Dotnet @('build', (Join-Path $root 'tests/SendPilot.Pester.Tests')) }
    Import-Module $pester -MinimumVersion 5.0
    $path = if ($PesterPath) { $PesterPath } else { Join-Path $root 'tests/pester' }
    $result = Invoke-Pester -Path $path -Output Detailed -PassThru
    if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
}

function Invoke-Package {
    if (-not $NoBuild) { Invoke-Build }
    Invoke-Dotnet @('msbuild', (Join-Path $root 'src/SendPilot.PowerShell/SendPilot.PowerShell.csproj'), '-t:PackageModule', '-nologo', '-v:m')
    $version = (Test-ModuleManifest (Join-Path $moduleDir 'SendPilot.psd1')).Version.ToString(3)
    $target = Join-Path $root "out/package/SendPilot/$version"
    $info = Test-ModuleManifest (Join-Path $target 'SendPilot.psd1')
    Write-Host "Packaged SendPilot $($info.Version) -> $target (Publish-PSResource -Path '$target')"
    $target
}

function Invoke-Demo {
    if (-not $NoBuild) { Invoke-Build }
    $sandbox = Start-SendPilotSandbox -RepositoryRoot $root -Configuration $(if ($NoBuild) { '' } else { $Configuration }) -Port $SandboxPort
    Write-Host "Sandbox: $($sandbox.BaseUri)"
    $saved = $env:SENDPILOT_API_KEY, $env:SENDPILOT_BASE_URI, $env:SENDPILOT_LEDGER_PATH
    $ledger = Join-Path ([IO.Path]::GetTempPath()) "sendpilot-demo-$([guid]::NewGuid().ToString('N'))"
    try {
        $env:SENDPILOT_API_KEY = $sandbox.ApiKey
        $env:SENDPILOT_BASE_URI = $sandbox.BaseUri
        # Each demo run is a new sandbox: its sends are remembered in a ledger of its own.
        $env:SENDPILOT_LEDGER_PATH = $ledger
        Import-Module (Join-Path $moduleDir 'SendPilot.psd1') -Force
        & (Join-Path $root 'examples/demo.ps1')
    }
    finally {
        $env:SENDPILOT_API_KEY, $env:SENDPILOT_BASE_URI, $env:SENDPILOT_LEDGER_PATH = $saved
        if (-not $sandbox.Process.HasExited) { $sandbox.Process.Kill($true) }
        Remove-Item -LiteralPath $ledger -Recurse -Force -ErrorAction SilentlyContinue
    }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Pester' { Invoke-PesterHere }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
    'Clean' {
        Invoke-Dotnet @('clean', (Join-Path $root 'SendPilot.PowerShell.sln'), '-c', $Configuration)
        if (Test-Path (Join-Path $root 'out')) { Remove-Item (Join-Path $root 'out') -Recurse -Force }
    }
}
