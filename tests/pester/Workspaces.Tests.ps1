BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $script:AcmeKey = 'sp_test_acme_0000000000000000a001'
    $script:GlobexKey = 'sp_test_globex_00000000000000b002'
    $script:AcmeSandbox = Start-TestSandbox -ArgumentList '--api-key', $script:AcmeKey, '--workspace-id', 'ws_acme', '--workspace-name', 'Acme'
    $script:GlobexSandbox = Start-TestSandbox -NoDefault -ArgumentList '--api-key', $script:GlobexKey, '--workspace-id', 'ws_globex', '--workspace-name', 'Globex'
}

AfterAll { Stop-TestSandbox }

Describe 'Several workspaces in one session' {
    BeforeEach {
        Reset-Sandbox -Sandbox $script:AcmeSandbox
        Reset-Sandbox -Sandbox $script:GlobexSandbox
        $script:Acme = Connect-SpAccount -ApiKey $script:AcmeKey -BaseUri $script:AcmeSandbox.BaseUri -PassThru
        $script:Globex = Connect-SpAccount -ApiKey $script:GlobexKey -BaseUri $script:GlobexSandbox.BaseUri -PassThru -NotDefault
    }

    It 'ForEach-Object -Parallel -ThrottleLimit 4 over 20 items uses the workspace each item names, and reused runspaces start unconnected' {
        $manifest = $script:ModuleManifest
        $acmeKey = $script:AcmeKey
        $acmeUri = $script:AcmeSandbox.BaseUri
        $results = 1..20 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:manifest
            $connection = if ($_ % 2) { $using:Globex } else { $using:Acme }
            $hadDefault = [bool](Get-SpContext -WarningAction SilentlyContinue)
            $me = Invoke-SpApi GET /me -Connection $connection
            # Leaves a default behind in this runspace; the next item run here must not inherit it.
            Connect-SpAccount -ApiKey $using:acmeKey -BaseUri $using:acmeUri -Quiet
            [pscustomobject]@{
                Number = $_; Wanted = $connection.WorkspaceId; Got = $me.workspace.id; HadDefault = $hadDefault
                Runspace = [runspace]::DefaultRunspace.InstanceId
            }
        }

        $results.Count | Should -Be 20
        $results | ForEach-Object { $_.Got | Should -Be $_.Wanted -Because "item $($_.Number) named $($_.Wanted)" }
        @($results | Where-Object HadDefault | ForEach-Object Number) | Should -BeNullOrEmpty -Because 'each of these items found an earlier item''s connection'
        @($results.Runspace | Sort-Object -Unique).Count | Should -BeLessThan 20 -Because 'runspaces are reused, which is what the test is about'
        @(Get-SandboxRequest -Method GET -Path '/me' -Sandbox $script:GlobexSandbox).Count | Should -Be (1 + 10)
        @(Get-SandboxRequest -Method GET -Path '/me' -Sandbox $script:AcmeSandbox).Count | Should -Be (1 + 10 + 20)
    }

    It 'routes each command by -Connection, and the default elsewhere' {
        Get-SpCampaign -Connection $script:Globex | Out-Null
        Get-SpSender | Out-Null

        @(Get-SandboxRequest -Method GET -Path '/campaigns' -Sandbox $script:GlobexSandbox).Count | Should -BeGreaterThan 0
        @(Get-SandboxRequest -Method GET -Path '/campaigns' -Sandbox $script:AcmeSandbox).Count | Should -Be 0
        @(Get-SandboxRequest -Method GET -Path '/inbox/senders' -Sandbox $script:AcmeSandbox).Count | Should -BeGreaterThan 0
        @(Get-SandboxRequest -Method GET -Path '/inbox/senders' -Sandbox $script:GlobexSandbox).Count | Should -Be 0
    }

    It 'shows connection objects with Format-Table in 80 columns' {
        $text = @($script:Acme, $script:Globex) | Format-Table | Out-String -Width 80
        $text | Should -Match 'Acme\s+ws_acme\s+…a001'
        $text | Should -Match 'Globex\s+ws_globex\s+…b002'
        ($text -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 }) | Should -BeNullOrEmpty
    }
}
