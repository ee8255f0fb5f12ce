# The key never shows, however a hostile or broken server echoes it, and a base URI that could carry a secret is refused.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"; Start-TestSandbox; Connect-Sandbox

    # Every form issue 12 found leaking: as is, JSON-escaped, upper-cased, %-encoded, and all but its last character.
    function Get-KeyEcho([string] $Key) {
        [ordered]@{
            Plain     = $Key
            Escaped   = -join ($Key.ToCharArray() | ForEach-Object { '\u{0:x4}' -f [int]$_ })
            Upper     = $Key.ToUpperInvariant()
            Encoded   = -join ($Key.ToCharArray() | ForEach-Object { '%{0:X2}' -f [int]$_ })
            Truncated = $Key.Substring(0, $Key.Length - 1)
        }
    }

    # True when the text holds any 12-character run of the key, in any case, after undoing \uXXXX and %XX escapes.
    # Runs of fewer than three distinct characters are left out: the sandbox key ends in 15 zeros, as does an empty GUID.
    function Test-KeyEcho([string] $Text, [string] $Key) {
        $decoded = [regex]::Replace($Text, '\\u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})', {
            param($m) [string][char][Convert]::ToInt32(($m.Groups[1].Value + $m.Groups[2].Value), 16) }).ToLowerInvariant()
        $lower = $Key.ToLowerInvariant()
        foreach ($start in 0..($lower.Length - 12)) {
            $run = $lower.Substring($start, 12)
            if (@($run.ToCharArray() | Select-Object -Unique).Count -ge 3 -and $decoded.Contains($run)) { return $true }
        }
        $false
    }
}
AfterAll { Stop-TestSandbox }

Describe 'A server that echoes the key' {
    BeforeEach { Reset-Sandbox; Connect-SpAccount -ApiKey $script:SandboxKey -BaseUri $script:SandboxUri -MaximumRetryCount 1 }

    # One test per form; the names are spelled out here (the xunit bridge shows names as discovered, before Pester expands <…>).
    foreach ($form in 'Plain', 'Escaped', 'Upper', 'Encoded', 'Truncated') {
        It "never gets the key into a stream, `$Error, ConvertTo-Json or Clixml when echoed $form" -ForEach @{ Form = $form } {
            $echo = (Get-KeyEcho $script:SandboxKey)[$Form]
            $body = '{"statusCode":400,"message":"bad key ' + $echo + '","error":"Bad Request ' + $echo + '"}'
            Add-SandboxFault @{ Method = 'GET'; Path = '/campaigns/*'; Status = 400; Count = 0; Body = $body }
            Add-SandboxFault @{ Method = 'GET'; Path = '/campaigns'; Status = 500; Count = 0; Body = $body }
            $Error.Clear()

            $streams = & {
                try { Get-SpCampaign -Id camp_xyz789 -Verbose -Debug } catch { $_ }
                try { Get-SpCampaign -Status active -Verbose -Debug } catch { $_ }
                try { Invoke-SpApi GET /campaigns/camp_xyz789 -Verbose -Debug } catch { $_ }
            } *>&1 | Out-String -Width 500
            $errors = @($Error)
            $json = $errors | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
            $clixml = [Management.Automation.PSSerializer]::Serialize($errors, 4)
            $text = $errors | ForEach-Object { "$_"; $_.Exception.ToString(); $_.ErrorDetails.Message; $_.Exception.ResponseBody } | Out-String

            $errors.Count | Should -BeGreaterOrEqual 3
            (Get-SandboxRequest -Method GET -Path '/campaigns*').Count | Should -BeGreaterOrEqual 3
            $streams | Should -Match 'X-API-Key: \*\*\*'
            Test-KeyEcho $streams $script:SandboxKey | Should -BeFalse
            Test-KeyEcho $json $script:SandboxKey | Should -BeFalse
            Test-KeyEcho $clixml $script:SandboxKey | Should -BeFalse
            Test-KeyEcho $text $script:SandboxKey | Should -BeFalse
        }
    }
}

Describe 'A base URI that could carry a secret' {
    It 'is refused when it has a query string, and neither the error nor Get-SpContext shows the key' {
        $uri = "$($script:SandboxUri)?api_key=$($script:SandboxKey)"
        $failure = try { Connect-SpAccount -ApiKey $script:SandboxKey -BaseUri $uri -ErrorAction Stop; $null } catch { $_ }

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'SendPilot.InvalidConnectionSetting*'
        "$failure" | Should -Match 'must not carry a query string'
        Test-KeyEcho ("$failure" + ($failure | Out-String) + (Get-SpContext | Out-String)) $script:SandboxKey | Should -BeFalse
        (Get-SpContext).BaseUri.Query | Should -BeNullOrEmpty
    }

    It 'is refused with user-info or a fragment' {
        $root = [uri]$script:SandboxUri
        { Connect-SpAccount -ApiKey $script:SandboxKey -BaseUri "http://me:secret@127.0.0.1:$($root.Port)/v1" -ErrorAction Stop } | Should -Throw '*user name or password*'
        { Connect-SpAccount -ApiKey $script:SandboxKey -BaseUri "$($script:SandboxUri)#frag" -ErrorAction Stop } | Should -Throw '*fragment*'
    }

    It 'names $env:SENDPILOT_BASE_URI when the bad value came from there' {
        $child = Invoke-ChildPwsh -Command "Import-Module '$script:ModuleManifest'; try { Get-SpCampaign -ErrorAction Stop } catch { ""ERR:`$_"" }" -Environment @{
            SENDPILOT_API_KEY = $script:SandboxKey
            SENDPILOT_BASE_URI = "$($script:SandboxUri)?api_key=$($script:SandboxKey)"
        }
        $child.Output | Should -Match 'ERR:\$env:SENDPILOT_BASE_URI is not a usable base URI'
        Test-KeyEcho ($child.Output + $child.Errors) $script:SandboxKey | Should -BeFalse

        $child = Invoke-ChildPwsh -Command "Import-Module '$script:ModuleManifest'; try { Connect-SpAccount -ErrorAction Stop } catch { ""ERR:`$_"" }" -Environment @{
            SENDPILOT_API_KEY = $script:SandboxKey
            SENDPILOT_BASE_URI = 'not a uri at all'
        }
        $child.Output | Should -Match 'ERR:\$env:SENDPILOT_BASE_URI is not a usable base URI'
    }
}
