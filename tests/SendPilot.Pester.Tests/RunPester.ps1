# Runs inside the pinned pwsh for the xunit bridge (PesterSuite.cs): lists the Pester tests of tests/pester
# (-Discover), or runs one file and writes each test's result as JSON.
param(
    [Parameter(Mandatory)] [string] $Pester,
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $ResultFile,
    [switch] $Discover
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $Pester -MinimumVersion 5.0

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Run.SkipRun = $Discover.IsPresent
$configuration.Output.Verbosity = if ($Discover) { 'None' } else { 'Detailed' }
$run = Invoke-Pester -Configuration $configuration

$tests = foreach ($test in $run.Tests) {
    [ordered]@{
        File     = [IO.Path]::GetFileName($test.ScriptBlock.File)
        Name     = $test.ExpandedPath
        Result   = "$($test.Result)"
        Message  = ($test.ErrorRecord | ForEach-Object { "$($_.DisplayErrorMessage)`n$($_.DisplayStackTrace)" }) -join "`n"
        Duration = $test.Duration.TotalSeconds
    }
}
$containers = foreach ($container in $run.Containers) {
    [ordered]@{
        File    = [IO.Path]::GetFileName("$($container.Item)")
        Result  = "$($container.Result)"
        Message = ($container.ErrorRecord | ForEach-Object { "$($_.DisplayErrorMessage)`n$($_.DisplayStackTrace)" }) -join "`n"
    }
}
[ordered]@{ Tests = @($tests); Containers = @($containers) } | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $ResultFile -Encoding utf8
