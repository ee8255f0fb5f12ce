# Get-Help -Online, parameter defaults in help, the about topic for Gallery users, every manifest URI pointing at something
# the repository has, and the User-Agent naming the real PowerShell version.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $script:Manifest = Import-PowerShellDataFile $script:ModuleManifest
    $script:ProjectUri = $script:Manifest.PrivateData.PSData.ProjectUri

    # GitHub's anchor for a README heading: lower case, punctuation dropped, spaces as hyphens.
    $script:Anchors = Get-Content (Join-Path $script:RepositoryRoot 'README.md') |
        Where-Object { $_ -match '^#{1,6} ' } |
        ForEach-Object { (($_ -replace '^#+ ', '').ToLowerInvariant() -replace '[^\p{L}\p{Nd} _-]', '') -replace ' ', '-' }

    # Where a URI on the project's repository points: the root, a file (blob/main/<path>) or a README section (#anchor).
    function Test-RepositoryUri([string] $Uri) {
        if (-not $Uri.StartsWith($script:ProjectUri)) { return $false }
        $rest = $Uri.Substring($script:ProjectUri.Length)
        if ($rest -eq '') { return $true }
        if ($rest -match '^/blob/main/(.+)$') { return Test-Path -LiteralPath (Join-Path $script:RepositoryRoot $Matches[1]) -PathType Leaf }
        if ($rest -match '^#(.+)$') { return $script:Anchors -contains $Matches[1] }
        $false
    }
}

Describe 'Manifest URIs' {
    It 'points every URI of the manifest at something the repository has' {
        $uris = $script:Manifest.PrivateData.PSData.GetEnumerator() | Where-Object { $_.Key -like '*Uri' }
        $uris.Count | Should -BeGreaterOrEqual 2
        foreach ($uri in $uris) { Test-RepositoryUri $uri.Value | Should -BeTrue -Because "$($uri.Key) = $($uri.Value)" }
    }

    It 'ships an MIT license, as the manifest says' {
        Get-Content -Raw (Join-Path $script:RepositoryRoot 'LICENSE') | Should -Match '^MIT License'
        $script:Manifest.Copyright | Should -Match 'MIT'
    }
}

Describe 'Help' {
    It 'gives every cmdlet an online help link to its README section' {
        foreach ($command in Get-Command -Module SendPilot -CommandType Cmdlet) {
            $command.HelpUri | Should -Not -BeNullOrEmpty -Because $command.Name
            Test-RepositoryUri $command.HelpUri | Should -BeTrue -Because "$($command.Name): $($command.HelpUri)"
        }
    }

    It 'shows parameter defaults' {
        $parameters = (Get-Help Add-SpLead -Full).parameters.parameter
        ($parameters | Where-Object name -eq BatchSize).defaultValue | Should -Be '100'
        ($parameters | Where-Object name -eq ThrottleLimit).defaultValue | Should -Match '^\d+$'
        ((Get-Help Get-SpCampaign -Full).parameters.parameter | Where-Object name -eq Status).defaultValue | Should -Be 'all'
    }

    It 'tells Gallery users where to get the sandbox' {
        $about = Get-Help about_SendPilot | Out-String
        $about | Should -Match 'not part of the PowerShell Gallery package'
        $about | Should -Match ([regex]::Escape("git clone $script:ProjectUri"))
    }
}

Describe 'User-Agent' {
    BeforeAll { Start-TestSandbox | Out-Null; Connect-Sandbox | Out-Null }
    AfterAll { Stop-TestSandbox }

    It 'names the module and the real PowerShell version' {
        $null = Get-SpCampaign -First 1
        $agent = (Get-SandboxRequest -Method GET -Path '/campaigns')[-1].userAgent
        $agent | Should -Be "SendPilot.PowerShell/$($script:Manifest.ModuleVersion) PowerShell/$($PSVersionTable.PSVersion)"
    }
}
