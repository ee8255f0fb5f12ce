# The module as users get it: build.ps1 -Task Package, published to a local PSResourceGet repository,
# installed from it, then imported by name (and autoloaded) in a fresh pwsh. Also build.ps1's Demo task.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $null = Start-TestSandbox
    $script:Version = (Import-PowerShellDataFile $script:ModuleManifest).ModuleVersion
    # A private home for the installing and importing processes: the developer's own modules and repositories stay untouched.
    $script:UserHome = Join-Path $script:TestData 'home'
    $script:UserEnvironment = @{
        HOME          = $script:UserHome
        XDG_DATA_HOME = Join-Path $script:UserHome '.local/share'
        XDG_CONFIG_HOME = Join-Path $script:UserHome '.config'
        XDG_CACHE_HOME = Join-Path $script:UserHome '.cache'
        DOTNET_CLI_HOME = $script:UserHome
    }
    # .NET reports no user folders that do not exist, and PSResourceGet would then write beside the working directory.
    foreach ($folder in $script:UserEnvironment.Values) { $null = New-Item -ItemType Directory -Path $folder -Force }
}

AfterAll { Stop-TestSandbox }

Describe 'build.ps1 -Task Package and the Gallery path' {
    BeforeAll {
        $script:Packaged = & (Join-Path $script:RepositoryRoot 'build.ps1') -Task Package -NoBuild 6>$null
    }

    It 'lays out out/package/SendPilot/VERSION outside the importable module' {
        $script:Packaged | Should -Be (Join-Path $script:RepositoryRoot "out/package/SendPilot/$script:Version")
        foreach ($file in 'SendPilot.psd1', 'SendPilot.PowerShell.dll', 'SendPilot.Client.dll', 'SendPilot.Format.ps1xml', 'README.md', 'CHANGELOG.md',
            'en-US/SendPilot.PowerShell.dll-Help.xml', 'en-US/about_SendPilot.help.txt', 'dependencies/System.Text.Json.dll') {
            Join-Path $script:Packaged $file | Should -Exist -Because $file
        }
        Join-Path $script:RepositoryRoot 'out/SendPilot' | Get-ChildItem -Directory | ForEach-Object Name | Should -Not -Contain $script:Version
        (Test-ModuleManifest (Join-Path $script:Packaged 'SendPilot.psd1')).Version.ToString(3) | Should -Be $script:Version
    }

    It 'publishes, installs with Install-PSResource, then imports by name and autoloads in a fresh pwsh' {
        $install = Invoke-ChildPwsh -Environment $script:UserEnvironment -Command @"
`$ErrorActionPreference = 'Stop'
`$repository = Join-Path `$HOME 'repository'
`$null = New-Item -ItemType Directory -Path `$repository -Force
Register-PSResourceRepository -Name SendPilotLocal -Uri `$repository -Trusted
Publish-PSResource -Path '$script:Packaged' -Repository SendPilotLocal
Install-PSResource SendPilot -Repository SendPilotLocal -Scope CurrentUser -TrustRepository -Quiet
(Get-ChildItem `$repository).Name
"@
        $install.Errors | Should -BeNullOrEmpty
        $install.ExitCode | Should -Be 0
        $install.Output | Should -Match "SendPilot\.$([regex]::Escape($script:Version))\.nupkg"

        $byName = Invoke-ChildPwsh -Environment $script:UserEnvironment -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module SendPilot
(Get-Module SendPilot).ModuleBase
Connect-SpAccount -ApiKey '$script:SandboxKey' -BaseUri '$script:SandboxUri' | Out-Null
(Get-SpCampaign -Id camp_xyz789).Name
"@
        $byName.Errors | Should -BeNullOrEmpty
        $lines = $byName.Output -split "`r?`n" | Where-Object { $_ }
        $lines[0] | Should -BeLike "$script:UserHome*SendPilot*$script:Version"
        $lines[-1] | Should -Be 'Q4 Founders Outreach'

        # No Import-Module: the first SendPilot command loads the module from the path.
        $autoload = Invoke-ChildPwsh -Environment ($script:UserEnvironment + @{ SENDPILOT_API_KEY = $script:SandboxKey; SENDPILOT_BASE_URI = $script:SandboxUri }) -Command @'
$ErrorActionPreference = 'Stop'
@(Get-SpCampaign -Status active).Count
(Get-Module SendPilot).Version.ToString(3)
'@
        $autoload.Errors | Should -BeNullOrEmpty
        $count, $loaded = $autoload.Output -split "`r?`n" | Where-Object { $_ }
        [int]$count | Should -BeGreaterThan 0
        $loaded | Should -Be $script:Version
    }
}

Describe 'build.ps1 -Task Demo' {
    It 'runs the demo against a sandbox of its own on a free port' {
        $demo = Invoke-ChildPwsh -Command "& ./build.ps1 -Task Demo -NoBuild *>&1 | Out-String -Width 120; exit `$LASTEXITCODE" -TimeoutSec 240
        $demo.ExitCode | Should -Be 0 -Because $demo.Errors
        $demo.Output | Should -Match 'Sandbox: http://127\.0\.0\.1:\d+/v1'
        $demo.Output | Should -Match 'Done: 15 leads added, 3 messages sent and confirmed by webhook\.'
        $demo.Output | Should -Not -Match 'Exception|\{"statusCode"'
    }

    It 'refuses with a clear message and a non-zero exit code when its sandbox cannot start' {
        $squatter = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $squatter.Start()
        try {
            $port = $squatter.LocalEndpoint.Port
            $demo = Invoke-ChildPwsh -Command "& ./build.ps1 -Task Demo -NoBuild -SandboxPort $port" -TimeoutSec 120
        }
        finally { $squatter.Stop() }
        $demo.ExitCode | Should -Not -Be 0
        "$($demo.Output)$($demo.Errors)" | Should -Match "The SendPilot sandbox did not start on port $port"
        "$($demo.Output)$($demo.Errors)" | Should -Not -Match 'Connect|campaign'
    }
}
