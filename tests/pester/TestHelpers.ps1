# Shared set-up for the Pester suite, dot-sourced by each file:
#     BeforeAll { . "$PSScriptRoot/TestHelpers.ps1"; Start-TestSandbox; Connect-Sandbox }
#     AfterAll  { Stop-TestSandbox }
# Each file starts its own sandbox on a free loopback port and gives the module its own ledger and
# profile folders, so a file runs the same from `dotnet test`, ./build.ps1 -Task Test and a bare Invoke-Pester.
$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleManifest = Join-Path $script:RepositoryRoot 'out/SendPilot/SendPilot.psd1'
if (-not (Test-Path $script:ModuleManifest)) { throw "The module is not built: run 'dotnet build' in $script:RepositoryRoot first." }
Import-Module $script:ModuleManifest -Force

# Nothing a developer's shell is connected to leaks in, and nothing this file sends is remembered by the next.
$script:TestData = Join-Path ([IO.Path]::GetTempPath()) "sendpilot-pester-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory -Path $script:TestData
$env:SENDPILOT_LEDGER_PATH = Join-Path $script:TestData 'ledger'
$env:SENDPILOT_CONFIG_PATH = Join-Path $script:TestData 'config'
Remove-Item Env:SENDPILOT_API_KEY, Env:SENDPILOT_BASE_URI, Env:SENDPILOT_PROFILE -ErrorAction SilentlyContinue

. (Join-Path $script:RepositoryRoot 'tools/Sandbox.ps1')

<#
    Starts a sandbox process on a free port (it stops by itself when this pwsh exits). Unless -NoDefault,
    it becomes the sandbox the other helpers talk to ($script:Sandbox, $script:SandboxUri, $script:SandboxKey,
    $script:SandboxRoot). Returns the sandbox: Process, BaseUri, RootUri, ApiKey.
#>
function Start-TestSandbox {
    param([string[]] $ArgumentList = @(), [switch] $NoDefault)
    $sandbox = Start-SendPilotSandbox -RepositoryRoot $script:RepositoryRoot -ArgumentList $ArgumentList
    if (-not $NoDefault) {
        $script:Sandbox = $sandbox
        $script:SandboxUri = $sandbox.BaseUri
        $script:SandboxKey = $sandbox.ApiKey
        $script:SandboxRoot = $sandbox.RootUri
    }
    $script:StartedSandboxes = @($script:StartedSandboxes) + $sandbox | Where-Object { $_ }
    $sandbox
}

function Stop-TestSandbox {
    foreach ($sandbox in @($script:StartedSandboxes)) {
        if ($sandbox -and -not $sandbox.Process.HasExited) { $sandbox.Process.Kill($true); $sandbox.Process.WaitForExit() }
    }
    $script:StartedSandboxes = @()
    Get-Module SendPilot | Remove-Module -Force
    Remove-Item -LiteralPath $script:TestData -Recurse -Force -ErrorAction SilentlyContinue
}

function Connect-Sandbox {
    param([int] $TimeoutSec = 100, $Sandbox = $script:Sandbox)
    Connect-SpAccount -ApiKey $Sandbox.ApiKey -BaseUri $Sandbox.BaseUri -TimeoutSec $TimeoutSec
}

function Reset-Sandbox {
    param($Sandbox = $script:Sandbox)
    Invoke-RestMethod -Method Post "$($Sandbox.RootUri)/_admin/reset" | Out-Null
}

function Get-SandboxRequest {
    param([string] $Method, [string] $Path, $Sandbox = $script:Sandbox)
    (Invoke-RestMethod "$($Sandbox.RootUri)/_admin/requests?method=$Method&path=$([uri]::EscapeDataString($Path))").requests
}

function Add-SandboxFault {
    param([hashtable] $Rule, $Sandbox = $script:Sandbox)
    Invoke-RestMethod -Method Post "$($Sandbox.RootUri)/_admin/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json) | Out-Null
}

function Get-FreePort {
    $probe = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $port
}

# The same pwsh as this one (the pinned local tool runs as `dotnet pwsh.dll`, an installed pwsh as itself).
function Get-ChildPwshStart {
    param([string] $Command, [hashtable] $Environment = @{})
    $executable = [Environment]::ProcessPath
    $start = [Diagnostics.ProcessStartInfo]::new($executable)
    if ([IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $Command) { $start.ArgumentList.Add($argument) }
    $start.Environment['NO_COLOR'] = '1'
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = "$($Environment[$name])" }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.WorkingDirectory = $script:RepositoryRoot
    $start
}

<# Starts a second pwsh process and returns it (stdout and stderr redirected), for tests that kill it. #>
function Start-ChildPwsh {
    param([Parameter(Mandatory)] [string] $Command, [hashtable] $Environment = @{})
    [Diagnostics.Process]::Start((Get-ChildPwshStart $Command $Environment))
}

<#
    Runs a command in a second pwsh process and waits: ExitCode, Output (stdout) and Errors (stderr).
    $ModuleManifest names the built module for an Import-Module in the child.
#>
function Invoke-ChildPwsh {
    param([Parameter(Mandatory)] [string] $Command, [hashtable] $Environment = @{}, [int] $TimeoutSec = 180)
    $process = Start-ChildPwsh -Command $Command -Environment $Environment
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSec * 1000)) {
        $process.Kill($true)
        throw "The child pwsh did not finish within $TimeoutSec s: $Command"
    }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Errors = $stderr.Result }
}
