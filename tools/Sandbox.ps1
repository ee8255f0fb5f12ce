# Starts the local SendPilot sandbox as a process: used by build.ps1 (Demo) and tests/pester/TestHelpers.ps1.
# It listens on a free loopback port unless one is named, and stops by itself when the pwsh that started it exits.

function Get-SendPilotSandboxAssembly {
    param([Parameter(Mandatory)] [string] $RepositoryRoot, [string] $Configuration)
    $pattern = if ($Configuration) { $Configuration } else { '*' }
    $built = Get-ChildItem (Join-Path $RepositoryRoot "src/SendPilot.Sandbox/bin/$pattern/net10.0/SendPilot.Sandbox.dll") -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $built) { throw "The sandbox is not built: run 'dotnet build' in $RepositoryRoot first." }
    $built.FullName
}

<#
    Returns Process, BaseUri, RootUri and ApiKey once the sandbox says where it listens. Throws, and leaves
    nothing running, when it does not start (a port in use, a missing build): never falls back to whatever
    else answers on that port.
#>
function Start-SendPilotSandbox {
    param(
        [Parameter(Mandatory)] [string] $RepositoryRoot,
        [string] $Configuration,
        [int] $Port = 0,
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSec = 60
    )
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    $arguments = @((Get-SendPilotSandboxAssembly $RepositoryRoot $Configuration), '--port', $Port, '--parent-pid', $PID) + $ArgumentList
    foreach ($argument in $arguments) { $start.ArgumentList.Add("$argument") }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($start)

    $first = $process.StandardOutput.ReadLineAsync()
    if (-not $first.Wait([TimeSpan]::FromSeconds($TimeoutSec)) -or "$($first.Result)" -notmatch 'listening on (http://\S+)') {
        if (-not $process.HasExited) { $process.Kill($true) }
        $process.WaitForExit()
        $why = ($process.StandardError.ReadToEnd() -split "`n" | Where-Object { $_ -match '\S' } | Select-Object -First 1)
        $where = if ($Port) { "on port $Port" } else { 'on a free port' }
        throw "The SendPilot sandbox did not start $where$(if ($why) { ": $($why.Trim())" } else { '.' })"
    }
    $baseUri = $Matches[1]
    $key = ($process.StandardOutput.ReadLine() -split '\s+')[-1]
    [pscustomobject]@{
        Process = $process
        BaseUri = $baseUri
        RootUri = $baseUri -replace '/v1/?$', ''
        ApiKey  = $key
    }
}
